using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Translation;

public enum TranslationJobState
{
    Queued,
    Running,
    Done,

    /// <summary>Nothing to do, or no provider configured, or the month's budget spent; the message says which.</summary>
    Skipped,
    Failed,
}

/// <summary>
/// A request for machine-translation drafts of one item into some languages, claimed by a worker
/// through the database (so several instances share the queue and a restart loses nothing).
/// </summary>
public sealed class TranslationJob
{
    public const int MaxAttempts = 3;

    private TranslationJob()
    {
    }

    public long Id { get; private set; }

    public Guid ItemId { get; private set; }

    /// <summary>The target languages, as canonical tags.</summary>
    public List<string> Languages { get; private set; } = [];

    public IReadOnlyList<LanguageTag> Targets => Languages.ConvertAll(LanguageTag.Parse);

    public string RequestedBy { get; private set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; private set; }

    public TranslationJobState State { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>A running job whose claim has lapsed (its worker died) is claimed again.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Characters billed for this job (each counted once per target language).</summary>
    public long Characters { get; private set; }

    /// <summary>Requests sent to the provider.</summary>
    public int Requests { get; private set; }

    /// <summary>Segments taken from translation memory instead of the machine.</summary>
    public int MemoryHits { get; private set; }

    public static TranslationJob For(Guid itemId, IReadOnlyList<LanguageTag> languages, string requestedBy, DateTimeOffset now) =>
        new() { ItemId = itemId, Languages = languages.Select(l => l.Code).ToList(), RequestedBy = requestedBy, RequestedAt = now, State = TranslationJobState.Queued };

    public void Finish(TranslationJobState state, string? message, long characters, int requests, int memoryHits, DateTimeOffset now)
    {
        State = state;
        Message = message;
        Characters = characters;
        Requests = requests;
        MemoryHits = memoryHits;
        FinishedAt = now;
        ClaimedUntil = null;
    }

    /// <summary>After a failure that may pass (the provider unreachable), the job waits for another attempt.</summary>
    public void Retry(string message, DateTimeOffset now)
    {
        if (Attempts >= MaxAttempts)
        {
            Finish(TranslationJobState.Failed, message, Characters, Requests, MemoryHits, now);
            return;
        }

        State = TranslationJobState.Queued;
        Message = message;
        ClaimedUntil = null;
    }
}

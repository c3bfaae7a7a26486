using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// One language of an item as translation sees it: State is Missing, MachineTranslated,
/// InTranslation, InReview, Approved or Outdated; Returned is true while a reviewer's return
/// (ReturnComment) is unanswered; Provenance says who or what made the text (null when missing or
/// from before tracking); SourceRevisionId is the source revision it was made from; ETag the variant's.
/// </summary>
public sealed record LanguageStateResponse(
    string Language, TranslationState State, bool Returned, string? ReturnComment, ProvenanceResponse? Provenance, long? SourceRevisionId, string? ETag);

/// <summary>
/// Where a translation's text came from: Origin is Person, Machine, Memory or PostEdited (a machine
/// or memory draft a person fixed); Provider the machine and model, or the memory's share; MadeAt
/// when the draft was made; TranslatedBy the last person who wrote it; ReviewedBy/At the approval.
/// </summary>
public sealed record ProvenanceResponse(TranslationOrigin Origin, string? Provider, DateTimeOffset? MadeAt, string? TranslatedBy, string? ReviewedBy, DateTimeOffset? ReviewedAt);

/// <summary>An item's translations: its source, priority, due date and each language's state.</summary>
public sealed record ItemTranslationsResponse(Guid ItemId, string SourceLanguage, string Priority, DateOnly? DueOn, IReadOnlyList<LanguageStateResponse> Languages);

/// <summary>
/// A machine-translation request and how it went: State is Queued, Running, Done, Skipped or Failed
/// and Message says why; Requests, Characters and MemoryHits are what it cost and what memory saved.
/// </summary>
public sealed record TranslationJobResponse(
    long Id, Guid ItemId, IReadOnlyList<string> Languages, string State, string? Message, string RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt, int Attempts, int Requests, long Characters, int MemoryHits)
{
    public static TranslationJobResponse Of(TranslationJob job) =>
        new(job.Id, job.ItemId, job.Languages, job.State.ToString(), job.Message, job.RequestedBy, job.RequestedAt, job.FinishedAt, job.Attempts, job.Requests, job.Characters, job.MemoryHits);
}

/// <summary>One line of a translator's work queue.</summary>
public sealed record WorkQueueEntry(
    Guid ItemId, string Kind, string Title, string Language, TranslationState State, bool Returned, string Priority, DateOnly? DueOn,
    DateTimeOffset Since, double AgeDays);

/// <summary>This month's machine-translation use against its budget.</summary>
public sealed record TranslationUsageResponse(string Month, long Characters, int Requests, long Budget, long Remaining, bool ProviderConfigured, string? Provider);

/// <summary>What an XLIFF import changed: the items whose translation was written (unchanged ones are left as they are).</summary>
public sealed record XliffImportResponse(IReadOnlyList<Guid> Changed);

/// <summary>What a TMX import did.</summary>
public sealed record MemoryImportResponse(int Created, int Updated);

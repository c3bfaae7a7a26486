namespace ContentHub.Domain.Webhooks;

/// <summary>
/// A change portals may be told of, written in the same transaction as the change itself (a
/// transactional outbox): a crash right after the commit loses nothing, the dispatcher sends it later.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
    }

    public long Id { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public Guid ItemId { get; private set; }

    public string Language { get; private set; } = string.Empty;

    public string Kind { get; private set; } = string.Empty;

    public Guid CategoryId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>True once a delivery was made for every subscription that wants it.</summary>
    public bool FannedOut { get; private set; }

    public static WebhookEvent Of(string type, Guid itemId, string language, string kind, Guid categoryId, DateTimeOffset now) =>
        new() { Type = type, ItemId = itemId, Language = language, Kind = kind, CategoryId = categoryId, At = now };

    public void MarkFannedOut() => FannedOut = true;
}

namespace ContentHub.Domain.Webhooks;

/// <summary>
/// A portal's URL that is told of changes to what it carries. The signing secret is kept encrypted
/// (the service must sign with it); after a rotation the previous one still signs for an overlap.
/// </summary>
public sealed class WebhookSubscription
{
    public static readonly string[] EventTypes = ["content.published", "content.updated", "content.unpublished", "content.deleted"];

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    public Guid PortalId { get; private set; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The event types wanted; empty for all.</summary>
    public List<string> Events { get; private set; } = [];

    /// <summary>The languages wanted (of the portal's); empty for all.</summary>
    public List<string> Languages { get; private set; } = [];

    /// <summary>The kinds wanted (of the portal's); empty for all.</summary>
    public List<string> Kinds { get; private set; } = [];

    public string ProtectedSecret { get; private set; } = string.Empty;

    public string? ProtectedPreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretUntil { get; private set; }

    public bool Enabled { get; private set; } = true;

    /// <summary>Since when deliveries have failed without a success in between; null while healthy.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public string? DisabledReason { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookSubscription Create(Guid id, Guid portalId, string url, IEnumerable<string> events, IEnumerable<string> languages, IEnumerable<string> kinds, string protectedSecret, string by, DateTimeOffset now) =>
        new()
        {
            Id = id, PortalId = portalId, Url = url, Events = [.. events], Languages = [.. languages], Kinds = [.. kinds],
            ProtectedSecret = protectedSecret, CreatedBy = by, CreatedAt = now,
        };

    public bool Wants(string type, string language, string kind) =>
        Enabled && (Events.Count == 0 || Events.Contains(type)) && (Languages.Count == 0 || Languages.Contains(language)) && (Kinds.Count == 0 || Kinds.Contains(kind));

    /// <summary>A new secret; the old one keeps signing alongside it until <paramref name="overlapUntil"/>.</summary>
    public void Rotate(string protectedSecret, DateTimeOffset overlapUntil)
    {
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretUntil = overlapUntil;
        ProtectedSecret = protectedSecret;
    }

    public void Succeeded()
    {
        FailingSince = null;
    }

    /// <summary>Records a failure; after <paramref name="disableAfter"/> of failing without a success the subscription is disabled.</summary>
    public void Failed(DateTimeOffset now, TimeSpan disableAfter, string why)
    {
        FailingSince ??= now;
        if (now - FailingSince >= disableAfter)
        {
            Enabled = false;
            DisabledReason = $"Disabled at {now:u}: deliveries failed since {FailingSince:u} ({why}).";
        }
    }

    public void Enable()
    {
        Enabled = true;
        FailingSince = null;
        DisabledReason = null;
    }
}

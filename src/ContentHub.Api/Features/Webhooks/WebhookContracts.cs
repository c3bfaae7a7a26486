using ContentHub.Domain.Webhooks;

namespace ContentHub.Api.Features.Webhooks;

/// <summary>A URL to tell of changes: event types (content.published, content.updated, content.unpublished, content.deleted), languages and kinds; empty lists mean all.</summary>
public sealed record WebhookRequest(string Url, IReadOnlyList<string>? Events = null, IReadOnlyList<string>? Languages = null, IReadOnlyList<string>? Kinds = null);

/// <summary>A subscription, and why it is disabled if it is. The secret is never shown again after creation or rotation.</summary>
public sealed record WebhookResponse(
    Guid Id, Guid PortalId, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> Languages, IReadOnlyList<string> Kinds,
    bool Enabled, DateTimeOffset? FailingSince, string? DisabledReason, DateTimeOffset CreatedAt)
{
    public static WebhookResponse Of(WebhookSubscription s) =>
        new(s.Id, s.PortalId, s.Url, s.Events, s.Languages, s.Kinds, s.Enabled, s.FailingSince, s.DisabledReason, s.CreatedAt);
}

/// <summary>A subscription with its signing secret, shown this once.</summary>
public sealed record WebhookCreatedResponse(WebhookResponse Subscription, string Secret);

/// <summary>A new signing secret (shown once); the previous one keeps signing until <see cref="PreviousValidUntil"/>.</summary>
public sealed record WebhookSecretResponse(string Secret, DateTimeOffset PreviousValidUntil);

/// <summary>One line of a subscription's delivery log.</summary>
public sealed record DeliveryResponse(
    long Id, string MessageId, string State, int Attempts, int? LastStatus, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt, string Payload)
{
    public static DeliveryResponse Of(WebhookDelivery d) =>
        new(d.Id, d.MessageId, d.State.ToString(), d.Attempts, d.LastStatus, d.LastError, d.CreatedAt, d.LastAttemptAt, d.DeliveredAt, d.NextAttemptAt, d.Payload);
}

/// <summary>Redelivers the subscription's deliveries with ids from <see cref="FromId"/> to <see cref="ToId"/> (inclusive).</summary>
public sealed record RedeliverRequest(long FromId, long ToId);

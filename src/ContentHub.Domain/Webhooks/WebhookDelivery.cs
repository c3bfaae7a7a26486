namespace ContentHub.Domain.Webhooks;

public enum DeliveryState
{
    Pending,
    Sending,
    Delivered,

    /// <summary>Retried for longer than the retry window, or its subscription was disabled.</summary>
    Failed,
}

/// <summary>One event for one subscription, with its attempts: the delivery log.</summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
    }

    public long Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public long EventId { get; private set; }

    /// <summary>Deliveries of one item to one subscription go out in order: the next waits for the one before.</summary>
    public Guid ItemId { get; private set; }

    /// <summary>The webhook-id header: the same on every attempt, so receivers can drop duplicates.</summary>
    public string MessageId { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public DeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatus { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public static WebhookDelivery For(Guid subscriptionId, WebhookEvent e, string payload, DateTimeOffset now) =>
        new()
        {
            SubscriptionId = subscriptionId, EventId = e.Id, ItemId = e.ItemId, MessageId = $"msg_{e.Id}_{subscriptionId:N}", Payload = payload,
            State = DeliveryState.Pending, NextAttemptAt = now, CreatedAt = now,
        };

    public void Delivered(int status, DateTimeOffset now)
    {
        State = DeliveryState.Delivered;
        LastStatus = status;
        LastError = null;
        LastAttemptAt = now;
        DeliveredAt = now;
        ClaimedUntil = null;
    }

    /// <summary>A failed attempt: tried again after <paramref name="retryAfter"/>, or given up when the retry window is over.</summary>
    public void Failed(int? status, string error, DateTimeOffset now, TimeSpan retryAfter, TimeSpan retryWindow)
    {
        LastStatus = status;
        LastError = error.Length <= 500 ? error : error[..500];
        LastAttemptAt = now;
        ClaimedUntil = null;
        if (now - CreatedAt >= retryWindow)
        {
            State = DeliveryState.Failed;
            return;
        }

        State = DeliveryState.Pending;
        NextAttemptAt = now + retryAfter;
    }

    public void GiveUp(string why, DateTimeOffset now)
    {
        State = DeliveryState.Failed;
        LastError = why;
        LastAttemptAt = now;
        ClaimedUntil = null;
    }

    /// <summary>An admin's redelivery: a fresh attempt now, same message id.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        State = DeliveryState.Pending;
        NextAttemptAt = now;
        CreatedAt = now;
        ClaimedUntil = null;
    }
}

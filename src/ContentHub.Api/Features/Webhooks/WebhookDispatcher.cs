using System.Text.Json;
using ContentHub.Api.Features.Portals;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace ContentHub.Api.Features.Webhooks;

/// <summary>
/// Turns outbox events into deliveries for the subscriptions that want them, and sends due deliveries,
/// signed by the Standard Webhooks specification. Both steps claim rows with <c>FOR UPDATE SKIP
/// LOCKED</c>, so several instances share the work; a delivery for an item waits until the one
/// before it for the same subscription is done, so a portal hears of one item's changes in order.
/// </summary>
public sealed partial class WebhookDispatcher(
    ContentHubDbContext db, PortalDirectory portals, WebhookSecrets secrets, IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
{
    public const string Client = "webhooks";
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>Makes the deliveries of up to 100 events; returns how many events it handled.</summary>
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var events = await db.WebhookEvents.FromSql($"SELECT * FROM webhook_events WHERE fanned_out = false ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return 0;
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var e in events)
        {
            foreach (var subscription in subscriptions.Where(s => s.Wants(e.Type, e.Language, e.Kind)))
            {
                var portal = await portals.PortalAsync(subscription.PortalId, cancellationToken).ConfigureAwait(false);
                if (portal is null || !Enum.TryParse<ContentKind>(e.Kind, out var kind) || !portal.Carries(kind, e.CategoryId) || portal.Languages.All(l => l.Language.Code != e.Language))
                {
                    continue;
                }

                db.WebhookDeliveries.Add(WebhookDelivery.For(subscription.Id, e, Payload(e, portal.Slug), now));
            }

            e.MarkFannedOut();
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return events.Count;
    }

    /// <summary>Sends up to 20 due deliveries; returns how many it tried.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<long>($"""
            UPDATE webhook_deliveries SET state = 'Sending', attempts = attempts + 1, claimed_until = {now + ClaimFor}
            WHERE id IN (
                SELECT x.id FROM webhook_deliveries x
                WHERE ((x.state = 'Pending' AND x.next_attempt_at <= {now}) OR (x.state = 'Sending' AND x.claimed_until < {now}))
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries y WHERE y.subscription_id = x.subscription_id AND y.item_id = x.item_id
                                  AND y.id < x.id AND y.state IN ('Pending', 'Sending'))
                ORDER BY x.id LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in claimed.Order())
        {
            await SendAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return claimed.Count;
    }

    private async Task SendAsync(long deliveryId, CancellationToken cancellationToken)
    {
        // The claim changed the row behind the context's back; read it afresh.
        db.ChangeTracker.Clear();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (!subscription.Enabled)
        {
            delivery.GiveUp("The subscription is disabled.", now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(delivery.Payload, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", delivery.MessageId);
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", Signatures(subscription, delivery, now));
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cancel.CancelAfter(settings.Timeout);
            using var response = await http.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"HTTP {status}";
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = exception is HttpRequestException ? exception.Message : "timed out";
        }

        now = clock.GetUtcNow();
        if (error is null)
        {
            delivery.Delivered(status!.Value, now);
            subscription.Succeeded();
        }
        else
        {
            delivery.Failed(status, error, now, Delay(delivery.Attempts), settings.RetryWindow);
            subscription.Failed(now, settings.DisableAfter, error);
            LogFailed(logger, delivery.Id, subscription.Id, error, delivery.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    // The current secret's signature, and the previous one's during the overlap after a rotation.
    private string Signatures(WebhookSubscription subscription, WebhookDelivery delivery, DateTimeOffset now)
    {
        var signatures = new List<string> { new StandardWebhook(secrets.Reveal(subscription.ProtectedSecret)).Sign(delivery.MessageId, now, delivery.Payload) };
        if (subscription.ProtectedPreviousSecret is { } previous && subscription.PreviousSecretUntil > now)
        {
            signatures.Add(new StandardWebhook(secrets.Reveal(previous)).Sign(delivery.MessageId, now, delivery.Payload));
        }

        return string.Join(' ', signatures);
    }

    // Doubling from the first delay up to the cap, with ±20 % jitter so that retries of many deliveries spread out.
    private TimeSpan Delay(int attempts)
    {
        var settings = options.Value;
        var doubled = settings.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = Math.Min(doubled, settings.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    private static string Payload(WebhookEvent e, string portal) => JsonSerializer.Serialize(new
    {
        type = e.Type,
        timestamp = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        data = new { itemId = e.ItemId, language = e.Language, kind = e.Kind, categoryId = e.CategoryId, portal, eventId = e.Id },
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to subscription {SubscriptionId} failed ({Error}), attempt {Attempts}")]
    private static partial void LogFailed(ILogger logger, long deliveryId, Guid subscriptionId, string error, int attempts);
}

using ContentHub.Api.Features.Audit;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Webhooks;

/// <summary>A portal's webhook subscriptions, their secrets, delivery log and redelivery (admins).</summary>
public sealed class WebhookService(ContentHubDbContext db, WebhookSecrets secrets, CurrentUser user, AuditLog audit, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const int MaxPerPortal = 10;
    public const int MaxRedeliver = 1000;

    public async Task<Outcome<WebhookCreatedResponse>> CreateAsync(Guid portalId, WebhookRequest request, CancellationToken cancellationToken)
    {
        var portal = await db.Portals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == portalId, cancellationToken).ConfigureAwait(false);
        if (portal is null)
        {
            return new Outcome<WebhookCreatedResponse>.NotFound($"Portal {portalId}");
        }

        var errors = new FieldErrors();
        if (!OutboundGuard.IsAllowedUrl(request.Url ?? string.Empty, out var uri))
        {
            errors.Add("url", "An absolute http or https URL of at most 2,000 characters, without credentials.");
        }
        else if (!options.Value.AllowPrivateAddresses && (uri!.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && !OutboundGuard.IsPublic(ip))))
        {
            errors.Add("url", "Deliveries do not go to loopback, private or link-local addresses.");
        }

        foreach (var type in request.Events ?? [])
        {
            errors.Require(WebhookSubscription.EventTypes.Contains(type), "events", $"'{type}' is not one of {string.Join(", ", WebhookSubscription.EventTypes)}.");
        }

        var languages = new List<string>();
        foreach (var language in request.Languages ?? [])
        {
            if (LanguageInput.TryParse(language, "languages", errors, out var tag))
            {
                errors.Require(portal.Languages.Any(l => l.Language == tag), "languages", $"{tag} is not one of the portal's languages.");
                languages.Add(tag.Code);
            }
        }

        foreach (var kind in request.Kinds ?? [])
        {
            errors.Require(Enum.TryParse<ContentKind>(kind, ignoreCase: false, out var k) && Enum.IsDefined(k), "kinds", "Article, Video or PromoAsset.");
        }

        if (errors.Any)
        {
            return errors.ToOutcome<WebhookCreatedResponse>();
        }

        if (await db.WebhookSubscriptions.CountAsync(s => s.PortalId == portalId, cancellationToken).ConfigureAwait(false) >= MaxPerPortal)
        {
            return new Outcome<WebhookCreatedResponse>.Conflict($"A portal has at most {MaxPerPortal} subscriptions.");
        }

        var (secret, protectedSecret) = secrets.Create();
        var subscription = WebhookSubscription.Create(Guid.CreateVersion7(), portalId, uri!.AbsoluteUri, (request.Events ?? []).Distinct(), languages.Distinct(), (request.Kinds ?? []).Distinct(),
            protectedSecret, user.Name, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        audit.Add("webhook.created", subject: "portal:" + portal.Slug, details: uri.AbsoluteUri);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new WebhookCreatedResponse(WebhookResponse.Of(subscription), secret);
    }

    public Task<List<WebhookSubscription>> ListAsync(Guid portalId, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AsNoTracking().Where(s => s.PortalId == portalId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);

    public async Task<Outcome<WebhookSecretResponse>> RotateAsync(Guid portalId, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(portalId, id, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            return new Outcome<WebhookSecretResponse>.NotFound($"Subscription {id} of portal {portalId}");
        }

        var (secret, protectedSecret) = secrets.Create();
        var until = clock.GetUtcNow() + options.Value.SecretOverlap;
        subscription.Rotate(protectedSecret, until);
        audit.Add("webhook.secret-rotated", subject: "webhook:" + id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new WebhookSecretResponse(secret, until);
    }

    public async Task<Outcome<WebhookResponse>> EnableAsync(Guid portalId, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(portalId, id, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            return new Outcome<WebhookResponse>.NotFound($"Subscription {id} of portal {portalId}");
        }

        subscription.Enable();
        audit.Add("webhook.enabled", subject: "webhook:" + id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return WebhookResponse.Of(subscription);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid portalId, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(portalId, id, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            return new Outcome<bool>.NotFound($"Subscription {id} of portal {portalId}");
        }

        db.WebhookSubscriptions.Remove(subscription);
        audit.Add("webhook.deleted", subject: "webhook:" + id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<Outcome<PagedResponse<DeliveryResponse>>> DeliveriesAsync(Guid portalId, Guid id, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (number, size) = PageRequest.Check(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<DeliveryResponse>>();
        }

        if (await FindAsync(portalId, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return new Outcome<PagedResponse<DeliveryResponse>>.NotFound($"Subscription {id} of portal {portalId}");
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(d => d.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResponse<DeliveryResponse>(rows.ConvertAll(DeliveryResponse.Of), number, size, total);
    }

    public async Task<Outcome<int>> RedeliverAsync(Guid portalId, Guid id, RedeliverRequest request, CancellationToken cancellationToken)
    {
        if (await FindAsync(portalId, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return new Outcome<int>.NotFound($"Subscription {id} of portal {portalId}");
        }

        var errors = new FieldErrors();
        errors.Require(request.FromId > 0 && request.ToId >= request.FromId, "toId", "From one delivery id to another, not before it.");
        if (errors.Any)
        {
            return errors.ToOutcome<int>();
        }

        var deliveries = await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Id >= request.FromId && d.Id <= request.ToId)
            .OrderBy(d => d.Id).Take(MaxRedeliver).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        deliveries.ForEach(d => d.Redeliver(now));
        audit.Add("webhook.redelivered", subject: "webhook:" + id, details: $"{request.FromId}-{request.ToId} ({deliveries.Count})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return deliveries.Count;
    }

    private Task<WebhookSubscription?> FindAsync(Guid portalId, Guid id, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id && s.PortalId == portalId, cancellationToken);
}

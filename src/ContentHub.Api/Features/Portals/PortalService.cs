using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Portals;

/// <summary>Registers portals and manages their keys. Issuing and revoking keys is audited; secrets never are.</summary>
public sealed class PortalService(ContentHubDbContext db, AuditLog audit, CurrentUser user, TimeProvider clock, PortalDirectory directory)
{
    public Task<Portal?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Portals.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<Outcome<PagedResponse<PortalResponse>>> ListAsync(int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (p, size) = PageRequest.Check(page, pageSize, errors);
        return errors.Any
            ? errors.ToOutcome<PagedResponse<PortalResponse>>()
            : await db.Portals.AsNoTracking().OrderBy(x => x.Slug).ToPageAsync(p, size, PortalResponse.From, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<Portal>> CreateAsync(PortalRequest request, CancellationToken cancellationToken)
    {
        var portal = new Portal(Guid.CreateVersion7(clock.GetUtcNow()), clock.GetUtcNow());
        if (await ConfigureAsync(portal, request, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        db.Portals.Add(portal);
        audit.Add("portal.created", subject: "portal:" + portal.Slug);
        return await SaveAsync(portal, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<Portal>> UpdateAsync(Guid id, PortalRequest request, CancellationToken cancellationToken)
    {
        var portal = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (portal is null)
        {
            return new Outcome<Portal>.NotFound($"Portal {id}");
        }

        if (await ConfigureAsync(portal, request, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        audit.Add("portal.updated", subject: "portal:" + portal.Slug);
        return await SaveAsync(portal, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var portal = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (portal is null)
        {
            return new Outcome<bool>.NotFound($"Portal {id}");
        }

        db.Portals.Remove(portal);
        audit.Add("portal.deleted", subject: "portal:" + portal.Slug, details: "its keys were deleted with it");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await directory.ChangedAsync(db, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<Outcome<List<ApiKeyResponse>>> KeysAsync(Guid portalId, CancellationToken cancellationToken)
    {
        if (!await db.Portals.AnyAsync(p => p.Id == portalId, cancellationToken).ConfigureAwait(false))
        {
            return new Outcome<List<ApiKeyResponse>>.NotFound($"Portal {portalId}");
        }

        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.PortalId == portalId).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.Select(ApiKeyResponse.From).ToList();
    }

    /// <summary>Issues a key. Two keys may be live at once, so that a portal can switch without a gap; a third is refused.</summary>
    public async Task<Outcome<IssuedApiKeyResponse>> IssueKeyAsync(Guid portalId, ApiKeyRequest request, CancellationToken cancellationToken)
    {
        var portal = await FindAsync(portalId, cancellationToken).ConfigureAwait(false);
        if (portal is null)
        {
            return new Outcome<IssuedApiKeyResponse>.NotFound($"Portal {portalId}");
        }

        var label = TextNormalizer(request.Label);
        if (label is { Length: > 200 })
        {
            var errors = new FieldErrors();
            errors.Add("label", "At most 200 characters.");
            return errors.ToOutcome<IssuedApiKeyResponse>();
        }

        var live = await db.ApiKeys.CountAsync(k => k.PortalId == portalId && k.RevokedAt == null, cancellationToken).ConfigureAwait(false);
        if (live >= Portal.MaxActiveKeys)
        {
            return new Outcome<IssuedApiKeyResponse>.Conflict($"Portal {portal.Slug} has {live} live keys already; revoke one before issuing another.");
        }

        var now = clock.GetUtcNow();
        var (key, secret) = ApiKey.Issue(Guid.CreateVersion7(now), portalId, label, user.Name, now);
        db.ApiKeys.Add(key);
        audit.Add("portal.key-issued", subject: "portal:" + portal.Slug, details: $"key {key.Prefix}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await directory.ChangedAsync(db, cancellationToken).ConfigureAwait(false);
        return new IssuedApiKeyResponse(key.Id, secret, key.Prefix, key.Label, key.CreatedAt);
    }

    /// <summary>A new feed token for the portal, shown once; the previous one stops working at once, on every instance.</summary>
    public async Task<Outcome<FeedTokenResponse>> RotateFeedTokenAsync(Guid portalId, CancellationToken cancellationToken)
    {
        var portal = await db.Portals.SingleOrDefaultAsync(p => p.Id == portalId, cancellationToken).ConfigureAwait(false);
        if (portal is null)
        {
            return new Outcome<FeedTokenResponse>.NotFound($"Portal {portalId}");
        }

        var token = portal.RotateFeedToken();
        audit.Add("portal.feed-token-rotated", subject: "portal:" + portal.Slug);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await directory.ChangedAsync(db, cancellationToken).ConfigureAwait(false);
        return new FeedTokenResponse(token, clock.GetUtcNow());
    }

    public async Task<Outcome<bool>> RevokeKeyAsync(Guid portalId, Guid keyId, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.PortalId == portalId, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return new Outcome<bool>.NotFound($"Key {keyId} of portal {portalId}");
        }

        key.Revoke(clock.GetUtcNow());
        audit.Add("portal.key-revoked", subject: "portal:" + portalId, details: $"key {key.Prefix}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await directory.ChangedAsync(db, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<Outcome<Portal>?> ConfigureAsync(Portal portal, PortalRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = TextNormalizer(request.Name);
        errors.Require(name is { Length: <= 200 }, "name", "A name of 1 to 200 characters.");
        var slug = NamesInput.Key(request.Slug, "slug", errors);
        errors.Require(WebAddress.TryParse(request.BaseUrl, out var baseUrl), "baseUrl", "An absolute http or https URL.");
        var languages = Languages(request.Languages, errors);
        var kinds = new List<ContentKind>();
        foreach (var kind in request.Kinds ?? [])
        {
            if (errors.Require(Enum.TryParse<ContentKind>(kind, ignoreCase: true, out var parsed) && !int.TryParse(kind, out _), "kinds", "Article, Video or PromoAsset."))
            {
                kinds.Add(parsed);
            }
        }

        var categoryIds = (request.CategoryIds ?? []).Distinct().ToList();
        var known = await db.Categories.CountAsync(c => categoryIds.Contains(c.Id), cancellationToken).ConfigureAwait(false);
        errors.Require(known == categoryIds.Count, "categoryIds", "Every category must exist.");
        if (errors.Any)
        {
            return errors.ToOutcome<Portal>();
        }

        portal.Configure(name!, slug!, baseUrl!, languages, categoryIds, kinds, request.AcceptsUnreviewedMachineTranslation, request.IsPublic);
        return null;
    }

    private static List<PortalLanguage> Languages(IReadOnlyList<PortalLanguageRequest>? requested, FieldErrors errors)
    {
        var languages = new List<PortalLanguage>();
        if (!errors.Require(requested is { Count: > 0 }, "languages", "At least one language, for example [{\"language\": \"en\", \"fallbacks\": [\"vi\"]}]."))
        {
            return languages;
        }

        foreach (var (entry, index) in requested!.Select((entry, index) => (entry, index)))
        {
            var field = $"languages[{index}]";
            if (!LanguageInput.TryParse(entry.Language, field + ".language", errors, out var language))
            {
                continue;
            }

            var fallbacks = new List<LanguageTag>();
            foreach (var fallback in entry.Fallbacks ?? [])
            {
                if (LanguageInput.TryParse(fallback, field + ".fallbacks", errors, out var tag))
                {
                    fallbacks.Add(tag);
                }
            }

            errors.Require(languages.TrueForAll(l => l.Language != language), field + ".language", $"{language} is listed twice.");
            languages.Add(new PortalLanguage(language, fallbacks));
        }

        return languages;
    }

    private static string? TextNormalizer(string? value) => Domain.Text.TextNormalizer.CleanOptional(value);

    private async Task<Outcome<Portal>> SaveAsync(Portal portal, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await directory.ChangedAsync(db, cancellationToken).ConfigureAwait(false);
            return portal;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception, "ix_portals_slug"))
        {
            return new Outcome<Portal>.Conflict($"Another portal has the slug '{portal.Slug}'.");
        }
    }
}

using ContentHub.Domain.Portals;

namespace ContentHub.Api.Features.Portals;

/// <summary>A portal.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its stable key.</param>
/// <param name="BaseUrl">Where it lives.</param>
/// <param name="Languages">The languages it serves with their fallback chains.</param>
/// <param name="CategoryIds">The categories it carries; empty for all.</param>
/// <param name="Kinds">The kinds it carries; empty for all.</param>
/// <param name="AcceptsUnreviewedMachineTranslation">Whether it shows unreviewed machine translation.</param>
/// <param name="IsPublic">Whether anyone may read it without a key.</param>
/// <param name="CreatedAt">When it was registered.</param>
public sealed record PortalResponse(Guid Id, string Name, string Slug, string BaseUrl, IReadOnlyList<PortalLanguageRequest> Languages,
    IReadOnlyList<Guid> CategoryIds, IReadOnlyList<string> Kinds, bool AcceptsUnreviewedMachineTranslation, bool IsPublic, DateTimeOffset CreatedAt)
{
    public static PortalResponse From(Portal portal) => new(
        portal.Id, portal.Name, portal.Slug, portal.BaseUrl.ToString(),
        portal.Languages.Select(l => new PortalLanguageRequest(l.Language.Code, l.Fallbacks)).ToList(),
        portal.CategoryIds, portal.Kinds, portal.AcceptsUnreviewedMachineTranslation, portal.IsPublic, portal.CreatedAt);
}

/// <summary>An API key as lists show it: never its secret.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Prefix">The public part of the key, to tell keys apart.</param>
/// <param name="Label">What it is for.</param>
/// <param name="CreatedBy">Who issued it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="LastUsedAt">When it was last used (to the minute).</param>
public sealed record ApiKeyResponse(Guid Id, string Prefix, string? Label, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(key.Id, key.Prefix, key.Label, key.CreatedBy, key.CreatedAt, key.RevokedAt, key.LastUsedAt);
}

/// <summary>A key just issued. The key is shown this once; only its hash is kept.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Key">The whole key, to send in the X-Api-Key header. Store it now: it cannot be shown again.</param>
/// <param name="Prefix">The public part of the key.</param>
/// <param name="Label">What it is for.</param>
/// <param name="CreatedAt">When.</param>
public sealed record IssuedApiKeyResponse(Guid Id, string Key, string Prefix, string? Label, DateTimeOffset CreatedAt);

/// <summary>A portal's new feed token, for feed URLs (<c>?token=</c>). Shown only now; keep it like a password.</summary>
public sealed record FeedTokenResponse(string Token, DateTimeOffset CreatedAt);

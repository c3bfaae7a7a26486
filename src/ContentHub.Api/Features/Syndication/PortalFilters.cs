using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Syndication;

/// <summary>The narrowing a portal's reader may ask for (language, kind, category), checked against what the portal carries.</summary>
public static class PortalFilters
{
    public static LanguageTag Language(Portal portal, string language, FieldErrors errors)
    {
        if (LanguageTag.TryParse(language, out var tag) && portal.Languages.Any(l => l.Language == tag))
        {
            return tag;
        }

        errors.Add("language", $"One of the portal's languages: {string.Join(", ", portal.Languages.Select(l => l.Language.Code))}.");
        return default;
    }

    /// <summary>article, video or promo-asset, as in the portal's URLs; null for every kind.</summary>
    public static ContentKind? Kind(Portal portal, string? kind, FieldErrors errors)
    {
        ContentKind? only = kind switch
        {
            null => null,
            "article" => ContentKind.Article,
            "video" => ContentKind.Video,
            "promo-asset" => ContentKind.PromoAsset,
            _ => (ContentKind?)null,
        };
        errors.Require(kind is null || only is not null, "kind", "article, video or promo-asset.");
        errors.Require(only is null || portal.Kinds.Count == 0 || portal.Kinds.Contains(only.Value.ToString()), "kind", "The portal does not carry this kind.");
        return only;
    }

    /// <summary>The kinds to read: the one asked for, or every kind the portal carries.</summary>
    public static ContentKind[] Kinds(Portal portal, ContentKind? only) =>
        only is { } k ? [k] : Enum.GetValues<ContentKind>().Where(k => portal.Kinds.Count == 0 || portal.Kinds.Contains(k.ToString())).ToArray();

    /// <summary>A category by slug, which the portal must carry.</summary>
    public static async Task<(Guid Id, IReadOnlyList<LocalizedName> Names)?> CategoryAsync(ContentHubDbContext db, Portal portal, string slug, FieldErrors errors, CancellationToken cancellationToken)
    {
        var match = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => new { c.Id, c.Names }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var carried = match is not null && (portal.CategoryIds.Count == 0 || portal.CategoryIds.Contains(match.Id));
        errors.Require(carried, "category", "A category slug the portal carries.");
        return carried ? (match!.Id, match.Names) : null;
    }
}

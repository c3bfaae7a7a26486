using ContentHub.Domain.Content;
using ContentHub.Domain.Portals;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// Where things are on a portal's own site: <c>{base}/{language}/{articles|videos|promotions}/{slug}</c>,
/// and the stable ids feeds give them (<c>tag:</c> URIs, RFC 4151, that do not change when a slug does).
/// </summary>
public static class PortalLinks
{
    public static Uri Home(Portal portal, string language) => new(Base(portal), $"{language}/");

    public static Uri Page(Portal portal, string language, ContentKind kind, string slug) =>
        new(Base(portal), $"{language}/{Section(kind)}/{Uri.EscapeDataString(slug)}");

    public static string EntryId(Portal portal, Guid itemId, string language) => $"tag:{portal.BaseUrl.Host},2026:item/{itemId}/{language}";

    public static string FeedId(Portal portal, string language, string? category, ContentKind? kind) =>
        $"tag:{portal.BaseUrl.Host},2026:feed/{portal.Slug}/{language}" + (kind is { } k ? "/" + Section(k) : string.Empty) + (category is null ? string.Empty : "/" + category);

    public static string Section(ContentKind kind) => kind switch
    {
        ContentKind.Video => "videos",
        ContentKind.PromoAsset => "promotions",
        _ => "articles",
    };

    private static Uri Base(Portal portal) => new(portal.BaseUrl.ToString().TrimEnd('/') + "/");
}

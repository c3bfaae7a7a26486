using ContentHub.Domain.Languages;
using ContentHub.Domain.Publishing;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>Which EDM property of an entry is which column of <see cref="PublishedEntry"/>.</summary>
public static class EntryMap
{
    /// <summary>
    /// The map for one portal's query: <c>AvailableLanguages</c> are the languages of the item among
    /// <paramref name="carried"/>, the entries the portal may see in any language, so that a portal
    /// is never told of a language it would not be given.
    /// </summary>
    public static PropertyMap<PublishedEntry> For(IQueryable<PublishedEntry> carried) => new PropertyMap<PublishedEntry>()
        .Literal(LanguageTag.Parse)
        .Map("Id", e => e.ItemId)
        .Map("Language", e => e.Language)
        .Map("Title", e => e.Title)
        .Map("Summary", e => e.Summary)
        .Map("Body", e => e.BodyHtml)
        .Map("Slug", e => e.Slug)
        .Map("SeoDescription", e => e.SeoDescription)
        .Map("Tags", e => e.Tags)
        .Map("AvailableLanguages", e => carried.Where(o => o.ItemId == e.ItemId).Select(o => o.Language))
        .Map("PublishedAt", e => e.PublishedAt)
        .Map("UpdatedAt", e => e.UpdatedAt)
        .Map("MachineTranslated", e => e.MachineTranslated)
        .Map("ReviewedAt", e => e.ReviewedAt)
        .Map("CategoryId", e => e.CategoryId)
        .Map("DurationSeconds", e => e.VideoDurationSeconds)
        .Map("VideoUrl", e => e.VideoUrl)
        .Map("PosterUrl", e => e.PosterUrl)
        .Map("AssetType", e => e.PromoAssetType)
        .Map("UsageRights", e => e.UsageRights)
        .Map("RightsExpireOn", e => e.RightsExpireOn);
}

using ContentHub.Domain.Publishing;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>Which EDM property of an entry is which column of <see cref="PublishedEntry"/>.</summary>
public static class EntryMap
{
    public static PropertyMap<PublishedEntry> Instance { get; } = new PropertyMap<PublishedEntry>()
        .Map("Id", e => e.ItemId)
        .Map("Title", e => e.Title)
        .Map("Summary", e => e.Summary)
        .Map("Body", e => e.BodyHtml)
        .Map("Slug", e => e.Slug)
        .Map("SeoDescription", e => e.SeoDescription)
        .Map("Tags", e => e.Tags)
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

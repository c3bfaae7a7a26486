using System.Text.Json.Serialization;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Items;

/// <summary>An item with all its language variants.</summary>
/// <param name="Id">The item's id (a UUID v7).</param>
/// <param name="Kind">Article, Video or PromoAsset.</param>
/// <param name="State">Where the item stands in the editorial workflow.</param>
/// <param name="SourceLanguage">The language the item was written in.</param>
/// <param name="OrgUnitId">The organisation unit that owns the item.</param>
/// <param name="CategoryId">The item's category.</param>
/// <param name="Tags">Free keywords.</param>
/// <param name="Sensitive">True when a second sign-off is needed before release.</param>
/// <param name="Video">The video fields, for a Video.</param>
/// <param name="Promo">The promotional asset fields, for a PromoAsset.</param>
/// <param name="Languages">The languages the item exists in, source language first.</param>
/// <param name="Variants">The item's text per language, source language first.</param>
/// <param name="CreatedBy">Who created the item.</param>
/// <param name="CreatedAt">When the item was created (UTC).</param>
/// <param name="UpdatedBy">Who changed the item's own fields last.</param>
/// <param name="UpdatedAt">When the item's own fields changed last (UTC).</param>
/// <param name="ETag">The entity tag of the item's own fields: send it in If-Match to update or delete the item. Each variant has its own.</param>
public sealed record ItemResponse(
    Guid Id,
    ContentKind Kind,
    EditorialState State,
    string SourceLanguage,
    Guid OrgUnitId,
    Guid CategoryId,
    IReadOnlyList<string> Tags,
    bool Sensitive,
    VideoFields? Video,
    PromoFields? Promo,
    IReadOnlyList<string> Languages,
    IReadOnlyList<VariantResponse> Variants,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("etag")] string ETag)
{
    public static ItemResponse From(ContentItem item)
    {
        var variants = item.Variants
            .OrderBy(v => v.Language == item.SourceLanguage ? 0 : 1)
            .ThenBy(v => v.Language.Code, StringComparer.Ordinal)
            .Select(VariantResponse.From)
            .ToList();
        return new ItemResponse(
            item.Id,
            item.Kind,
            item.State,
            item.SourceLanguage.Code,
            item.OrgUnitId,
            item.CategoryId,
            item.Tags,
            item.Sensitive,
            item.Video is { } video ? new VideoFields(video.DurationSeconds, video.VideoUrl.ToString(), video.PosterUrl?.ToString()) : null,
            item.Promo is { } promo ? new PromoFields(promo.AssetType, promo.UsageRights, promo.RightsExpireOn) : null,
            variants.Select(v => v.Language).ToList(),
            variants,
            item.CreatedBy,
            item.CreatedAt,
            item.UpdatedBy,
            item.UpdatedAt,
            ETags.Format(item.Version));
    }
}

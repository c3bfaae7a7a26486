using System.Text.Json.Serialization;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Domain.Workflow;
using ContentHub.Domain.Content;
using ContentHub.Domain.Media;

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
/// <param name="ETag">The entity tag of the item's own fields: send it in If-Match to update or delete the item, and to take workflow steps. Each variant has its own.</param>
/// <param name="Review">The reviewer's approval of the item's own fields, if any.</param>
/// <param name="SignOff">The lead's sign-off of the item's own fields (sensitive items), if any.</param>
/// <param name="PublishAt">When a scheduled item goes live (UTC).</param>
/// <param name="UnpublishAt">When a published item comes down (UTC).</param>
/// <param name="PublishedAt">When the item was last published (UTC).</param>
/// <param name="AllowedActions">The workflow steps the caller may take now (POST /api/v1/items/{id}/workflow/{action}).</param>
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
    [property: JsonPropertyName("etag")] string ETag,
    ApprovalResponse? Review,
    ApprovalResponse? SignOff,
    DateTimeOffset? PublishAt,
    DateTimeOffset? UnpublishAt,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<WorkflowAction> AllowedActions)
{
    public static ItemResponse From(ContentItem item, LatestRevisions latest, IReadOnlyList<WorkflowAction> allowedActions)
    {
        var variants = item.Variants
            .OrderBy(v => v.Language == item.SourceLanguage ? 0 : 1)
            .ThenBy(v => v.Language.Code, StringComparer.Ordinal)
            .Select(v => VariantResponse.From(item, v, latest))
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
            item.Video is { } video ? VideoOf(video, item.Files) : null,
            item.Promo is { } promo ? PromoOf(promo, item.Files) : null,
            variants.Select(v => v.Language).ToList(),
            variants,
            item.CreatedBy,
            item.CreatedAt,
            item.UpdatedBy,
            item.UpdatedAt,
            ETags.Format(item.Version),
            ApprovalResponse.From(item.Review, latest.ItemFields),
            ApprovalResponse.From(item.SignOff, latest.ItemFields),
            item.PublishAt,
            item.UnpublishAt,
            item.PublishedAt,
            allowedActions);
    }

    private static VideoFields VideoOf(VideoDetails video, IReadOnlyList<ItemFile> files) => new(
        video.DurationSeconds, video.VideoUrl?.ToString(), video.PosterUrl?.ToString(),
        files.FirstOrDefault(f => f.Role == FileRole.Video)?.FileId,
        files.FirstOrDefault(f => f.Role == FileRole.Poster)?.FileId,
        Tracks(files, FileRole.Subtitles));

    private static PromoFields PromoOf(PromoDetails promo, IReadOnlyList<ItemFile> files) =>
        new(promo.AssetType, promo.UsageRights, promo.RightsExpireOn, promo.Credit, Tracks(files, FileRole.Asset));

    private static List<LanguageFile>? Tracks(IReadOnlyList<ItemFile> files, FileRole role)
    {
        var tracks = files.Where(f => f.Role == role).OrderBy(f => f.Language ?? string.Empty, StringComparer.Ordinal).Select(f => new LanguageFile(f.FileId, f.Language)).ToList();
        return tracks.Count == 0 ? null : tracks;
    }
}

using System.Text.Json.Serialization;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Items;

/// <summary>An item's text in one language.</summary>
/// <param name="ItemId">The item this variant belongs to.</param>
/// <param name="Language">The BCP 47 tag of the language.</param>
/// <param name="Title">The title.</param>
/// <param name="Summary">The short lead, if any.</param>
/// <param name="BodyMarkdown">The body as the editor wrote it.</param>
/// <param name="BodyHtml">The body rendered to safe HTML when it was saved.</param>
/// <param name="Slug">The URL name, unique per kind and language.</param>
/// <param name="SeoDescription">The description for search engines, if any.</param>
/// <param name="CreatedBy">Who created the variant.</param>
/// <param name="CreatedAt">When the variant was created (UTC).</param>
/// <param name="UpdatedBy">Who saved the variant last.</param>
/// <param name="UpdatedAt">When the variant was saved last (UTC).</param>
/// <param name="ETag">The variant's entity tag: send it in If-Match to replace or delete the variant.</param>
/// <param name="Review">The reviewer's approval of this language, if any.</param>
/// <param name="SignOff">The lead's sign-off of this language (sensitive items), if any.</param>
/// <param name="Withdrawn">True when this language was taken off the portals on its own.</param>
/// <param name="Cleared">True when this language is approved as it stands (and signed off, for a sensitive item), so portals may show it once the item is published.</param>
/// <param name="Transcript">A video's words in this language (plain text, a line per utterance); null if none, and for other kinds.</param>
public sealed record VariantResponse(
    Guid ItemId,
    string Language,
    string Title,
    string? Summary,
    string BodyMarkdown,
    string BodyHtml,
    string Slug,
    string? SeoDescription,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("etag")] string ETag,
    ApprovalResponse? Review,
    ApprovalResponse? SignOff,
    bool Withdrawn,
    bool Cleared,
    string? Transcript = null)
{
    public static VariantResponse From(ContentItem item, ContentVariant variant, LatestRevisions latest) => new(
        variant.ItemId,
        variant.Language.Code,
        variant.Title,
        variant.Summary,
        variant.BodyMarkdown,
        variant.BodyHtml,
        variant.Slug,
        variant.SeoDescription,
        variant.CreatedBy,
        variant.CreatedAt,
        variant.UpdatedBy,
        variant.UpdatedAt,
        ETags.Format(variant.Version),
        ApprovalResponse.From(variant.Review, latest.Of(variant.Language)),
        ApprovalResponse.From(variant.SignOff, latest.Of(variant.Language)),
        variant.Withdrawn,
        latest.IsCleared(item, variant),
        variant.Transcript);
}

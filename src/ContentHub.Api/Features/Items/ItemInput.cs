using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;

namespace ContentHub.Api.Features.Items;

/// <summary>
/// Checks item and variant requests and turns them into normalised domain values (NFC, trimmed,
/// tags de-duplicated). Every problem is reported against its JSON field, all at once.
/// </summary>
public static class ItemInput
{
    public static ItemDetails? Details(ContentKind kind, Guid orgUnitId, Guid categoryId, IReadOnlyList<string>? tags, bool sensitive, VideoFields? video, PromoFields? promo, FieldErrors errors)
    {
        errors.Require(orgUnitId != Guid.Empty, "orgUnitId", "An organisation unit is required.");
        errors.Require(categoryId != Guid.Empty, "categoryId", "A category is required.");
        var cleanTags = Tags(tags, errors);
        var videoDetails = Video(kind, video, errors);
        var promoDetails = Promo(kind, promo, errors);
        return errors.Any ? null : new ItemDetails(orgUnitId, categoryId, cleanTags, sensitive, videoDetails, promoDetails);
    }

    /// <summary>The variant's text, except the HTML and the slug, which need the renderer and the database.</summary>
    public static VariantDraft? Variant(VariantRequest? request, string prefix, FieldErrors errors)
    {
        if (request is null)
        {
            errors.Add(prefix.TrimEnd('.'), "The text in the source language is required.");
            return null;
        }

        var title = TextNormalizer.CleanOptional(request.Title);
        if (errors.Require(title is not null, prefix + "title", "A title is required."))
        {
            errors.Require(title!.Length <= ContentVariant.MaxTitleLength, prefix + "title", $"At most {ContentVariant.MaxTitleLength} characters.");
        }

        var summary = TextNormalizer.CleanOptional(request.Summary);
        errors.Require(summary is null || summary.Length <= ContentVariant.MaxSummaryLength, prefix + "summary", $"At most {ContentVariant.MaxSummaryLength} characters.");
        var seo = TextNormalizer.CleanOptional(request.SeoDescription);
        errors.Require(seo is null || seo.Length <= ContentVariant.MaxSeoDescriptionLength, prefix + "seoDescription", $"At most {ContentVariant.MaxSeoDescriptionLength} characters.");
        var body = TextNormalizer.NormalizeBody(request.BodyMarkdown ?? string.Empty);
        errors.Require(body.Length <= ContentVariant.MaxBodyLength, prefix + "bodyMarkdown", $"At most {ContentVariant.MaxBodyLength} characters.");

        var slug = TextNormalizer.CleanOptional(request.Slug);
        if (slug is not null && !Slug.IsValid(slug))
        {
            errors.Add(prefix + "slug", $"A slug is lower-case letters, digits and single hyphens, at most {Slug.MaxLength} characters; for example '{Slug.From(slug)}'.");
        }

        return errors.Any ? null : new VariantDraft(title!, summary, body, slug, seo);
    }

    private static List<string> Tags(IReadOnlyList<string>? tags, FieldErrors errors)
    {
        var clean = (tags ?? [])
            .Select(TextNormalizer.CleanOptional)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        errors.Require(clean.Count <= ContentItem.MaxTags, "tags", $"At most {ContentItem.MaxTags} tags.");
        errors.Require(clean.TrueForAll(t => t.Length <= ContentItem.MaxTagLength), "tags", $"A tag has at most {ContentItem.MaxTagLength} characters.");
        return clean;
    }

    private static VideoDetails? Video(ContentKind kind, VideoFields? video, FieldErrors errors)
    {
        if (kind != ContentKind.Video)
        {
            errors.Require(video is null, "video", $"Only a Video has video fields; this is a {kind}.");
            return null;
        }

        if (video is null)
        {
            errors.Add("video", "A Video needs its video fields (durationSeconds, videoUrl).");
            return null;
        }

        errors.Require(video.DurationSeconds is > 0 and <= VideoDetails.MaxDurationSeconds, "video.durationSeconds", $"Between 1 and {VideoDetails.MaxDurationSeconds} seconds.");
        errors.Require(WebAddress.TryParse(video.VideoUrl, out var videoUrl), "video.videoUrl", "An absolute http or https URL is required.");
        Uri? posterUrl = null;
        errors.Require(video.PosterUrl is null || WebAddress.TryParse(video.PosterUrl, out posterUrl), "video.posterUrl", "An absolute http or https URL, or nothing.");
        return videoUrl is null ? null : new VideoDetails(video.DurationSeconds, videoUrl, posterUrl);
    }

    private static PromoDetails? Promo(ContentKind kind, PromoFields? promo, FieldErrors errors)
    {
        if (kind != ContentKind.PromoAsset)
        {
            errors.Require(promo is null, "promo", $"Only a PromoAsset has promo fields; this is a {kind}.");
            return null;
        }

        if (promo is null)
        {
            errors.Add("promo", "A PromoAsset needs its promo fields (assetType).");
            return null;
        }

        errors.Require(Enum.IsDefined(promo.AssetType), "promo.assetType", "Banner, Brochure, Infographic, Photo or Publication.");
        var rights = TextNormalizer.CleanOptional(promo.UsageRights);
        errors.Require(rights is null || rights.Length <= 2000, "promo.usageRights", "At most 2000 characters.");
        return new PromoDetails(promo.AssetType, rights, promo.RightsExpireOn);
    }
}

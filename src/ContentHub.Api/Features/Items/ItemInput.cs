using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Media;
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
        var files = new List<FileLink>();
        var videoDetails = Video(kind, video, files, errors);
        var promoDetails = Promo(kind, promo, files, errors);
        errors.Require(files.Count <= FileLink.MaxPerItem, kind == ContentKind.Video ? "video.subtitles" : "promo.files", $"At most {FileLink.MaxPerItem} files per item.");
        return errors.Any ? null : new ItemDetails(orgUnitId, categoryId, cleanTags, sensitive, videoDetails, promoDetails, files);
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
        var transcript = request.Transcript is null ? null : TextNormalizer.NormalizeBody(request.Transcript);
        transcript = string.IsNullOrWhiteSpace(transcript) ? null : transcript;
        errors.Require(transcript is null || transcript.Length <= ContentVariant.MaxTranscriptLength, prefix + "transcript", $"At most {ContentVariant.MaxTranscriptLength} characters.");

        var slug = TextNormalizer.CleanOptional(request.Slug);
        if (slug is not null && !Slug.IsValid(slug))
        {
            errors.Add(prefix + "slug", $"A slug is lower-case letters, digits and single hyphens, at most {Slug.MaxLength} characters; for example '{Slug.From(slug)}'.");
        }

        return errors.Any ? null : new VariantDraft(title!, summary, body, slug, seo, transcript);
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

    private static VideoDetails? Video(ContentKind kind, VideoFields? video, List<FileLink> files, FieldErrors errors)
    {
        if (kind != ContentKind.Video)
        {
            errors.Require(video is null, "video", $"Only a Video has video fields; this is a {kind}.");
            return null;
        }

        if (video is null)
        {
            errors.Add("video", "A Video needs its video fields (videoUrl and durationSeconds, or videoFileId).");
            return null;
        }

        // Exactly one source: hosted elsewhere, or uploaded (whose length the probe knows).
        Uri? videoUrl = null;
        if (video.VideoFileId is { } videoFile)
        {
            errors.Require(video.VideoUrl is null, "video.videoUrl", "Give videoUrl or videoFileId, not both.");
            files.Add(new FileLink(FileRole.Video, null, videoFile));
        }
        else
        {
            errors.Require(WebAddress.TryParse(video.VideoUrl, out videoUrl), "video.videoUrl", "An absolute http or https URL is required (or an uploaded videoFileId).");
            errors.Require(video.DurationSeconds is not null, "video.durationSeconds", "Required with a videoUrl.");
        }

        errors.Require(video.DurationSeconds is null or > 0 and <= VideoDetails.MaxDurationSeconds, "video.durationSeconds", $"Between 1 and {VideoDetails.MaxDurationSeconds} seconds.");
        Uri? posterUrl = null;
        errors.Require(video.PosterUrl is null || WebAddress.TryParse(video.PosterUrl, out posterUrl), "video.posterUrl", "An absolute http or https URL, or nothing.");
        if (video.PosterFileId is { } posterFile)
        {
            errors.Require(video.PosterUrl is null, "video.posterUrl", "Give posterUrl or posterFileId, not both.");
            files.Add(new FileLink(FileRole.Poster, null, posterFile));
        }

        var subtitles = video.Subtitles ?? [];
        var languages = new HashSet<LanguageTag>();
        for (var i = 0; i < subtitles.Count; i++)
        {
            var field = $"video.subtitles[{i}]";
            if (subtitles[i] is not { } track)
            {
                errors.Add(field, "A subtitle track is a fileId and its language.");
            }
            else if (LanguageInput.TryParse(track.Language, field + ".language", errors, out var language)
                && errors.Require(languages.Add(language), field + ".language", $"One subtitle track per language; {language} is given twice."))
            {
                files.Add(new FileLink(FileRole.Subtitles, language.Code, track.FileId));
            }
        }

        // The length of an uploaded video is filled in from its probe (see ItemReferences).
        return new VideoDetails(video.DurationSeconds ?? 0, videoUrl, posterUrl);
    }

    private static PromoDetails? Promo(ContentKind kind, PromoFields? promo, List<FileLink> files, FieldErrors errors)
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
        var credit = TextNormalizer.CleanOptional(promo.Credit);
        errors.Require(credit is null || credit.Length <= PromoDetails.MaxCreditLength, "promo.credit", $"At most {PromoDetails.MaxCreditLength} characters.");
        var assets = promo.Files ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < assets.Count; i++)
        {
            var field = $"promo.files[{i}]";
            if (assets[i] is not { } asset)
            {
                errors.Add(field, "A file is a fileId and, optionally, its language.");
                continue;
            }

            string? code = null;
            if (asset.Language is not null)
            {
                if (!LanguageInput.TryParse(asset.Language, field + ".language", errors, out var language))
                {
                    continue;
                }

                code = language.Code;
            }

            if (errors.Require(seen.Add(code ?? "*"), field + ".language", code is null ? "One file for every language at most." : $"One file per language; {code} is given twice."))
            {
                files.Add(new FileLink(FileRole.Asset, code, asset.FileId));
            }
        }

        return new PromoDetails(promo.AssetType, rights, promo.RightsExpireOn, credit);
    }
}

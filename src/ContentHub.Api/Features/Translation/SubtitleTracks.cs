using System.Text;
using ContentHub.Api.Features.Media;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// A video's subtitle tracks as part of its languages' text for translation: read from the store
/// when a variant is segmented, and a translated track stored (as an upload, checked like one) and
/// attached for its language when a translation of the source's cues is written.
/// </summary>
public sealed class SubtitleTracks(ContentHubDbContext db, IMediaStore store, MediaUploads uploads)
{
    /// <summary>The variant as segments, with the cues of its language's track when the item has one.</summary>
    public async Task<VariantSegments> SegmentsAsync(ContentItem item, ContentVariant variant, CancellationToken cancellationToken) =>
        VariantSegments.Of(variant, await ReadAsync(item, variant.Language, cancellationToken).ConfigureAwait(false));

    public async Task<SubtitleSegments?> ReadAsync(ContentItem item, LanguageTag language, CancellationToken cancellationToken)
    {
        if (item.SubtitlesIn(language) is not { } fileId)
        {
            return null;
        }

        var sha256 = await db.MediaFiles.Where(f => f.Id == fileId).Select(f => f.Sha256).SingleAsync(cancellationToken).ConfigureAwait(false);
        using var local = await store.LocalAsync(MediaKeys.File(sha256), cancellationToken).ConfigureAwait(false);
        return SubtitleSegments.Parse(await File.ReadAllTextAsync(local.Path, Encoding.UTF8, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Stores a translated track and attaches it to the item for <paramref name="language"/> (the
    /// caller saves the item); the reason when the track is refused (over the subtitle size limit).
    /// </summary>
    public async Task<string?> AttachAsync(ContentItem item, LanguageTag language, string webVtt, string uploadedBy, CancellationToken cancellationToken)
    {
        var name = $"{item.FindVariant(item.SourceLanguage)?.Slug ?? item.Id.ToString("N")}.{language.Code}.vtt";
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(webVtt));
        var (uploaded, refusal) = await uploads.UploadAsync(body, "text/vtt", name, cancellationToken, uploadedBy).ConfigureAwait(false);
        if (uploaded is null)
        {
            return $"The {language} subtitle track was refused: {refusal!.Detail}";
        }

        if (item.SubtitlesIn(language) != uploaded.File.Id)
        {
            item.AttachSubtitles(language, uploaded.File.Id);
        }

        return null;
    }
}

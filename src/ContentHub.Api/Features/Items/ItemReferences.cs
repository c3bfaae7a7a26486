using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Items;

/// <summary>
/// Checks that what an item names exists — its category, its organisation unit, and each attached
/// file, of a type its role takes — as field errors; and fills in an uploaded video's length from
/// its probe when the editor left it out.
/// </summary>
public sealed class ItemReferences(ContentHubDbContext db)
{
    public async Task<ItemDetails> CheckAsync(ItemDetails details, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == details.CategoryId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("categoryId", $"There is no category {details.CategoryId}.");
        }

        if (!await db.OrgUnits.AnyAsync(u => u.Id == details.OrgUnitId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("orgUnitId", $"There is no organisation unit {details.OrgUnitId}.");
        }

        if (details.Files.Count == 0)
        {
            return details;
        }

        var ids = details.Files.Select(f => f.FileId).Distinct().ToList();
        var files = await db.MediaFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken).ConfigureAwait(false);
        foreach (var link in details.Files)
        {
            if (!files.TryGetValue(link.FileId, out var file))
            {
                errors.Add(Field(link), $"There is no uploaded file {link.FileId}.");
            }
            else if (!file.Fits(link.Role))
            {
                errors.Add(Field(link), $"A {link.Role} file is {Expected(link.Role)}; {link.FileId} is {file.ContentType}.");
            }
        }

        // An uploaded video's length is what its probe found, unless the editor says otherwise.
        if (details.Video is { DurationSeconds: 0 } video
            && details.Files.FirstOrDefault(f => f.Role == FileRole.Video) is { } videoLink
            && files.GetValueOrDefault(videoLink.FileId) is { DurationSeconds: { } seconds })
        {
            return details with { Video = video with { DurationSeconds = Math.Clamp((int)Math.Ceiling(seconds), 1, VideoDetails.MaxDurationSeconds) } };
        }

        errors.Require(details.Video is not { DurationSeconds: 0 }, "video.durationSeconds", "The uploaded video's length is not known; give durationSeconds.");
        return details;
    }

    /// <summary>Every image a text places by its address (<c>/assets/{id}</c>) must be an uploaded image.</summary>
    public async Task CheckImagesAsync(string markdown, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        var ids = Media.InlineImages.In(markdown);
        if (ids.Count == 0)
        {
            return;
        }

        if (ids.Count > Media.InlineImages.MaxPerText)
        {
            errors.Add(field, $"At most {Media.InlineImages.MaxPerText} images in one text.");
            return;
        }

        var images = await db.MediaFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.ContentType }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            var found = images.Find(f => f.Id == id);
            if (found is null || !found.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                errors.Add(field, found is null
                    ? $"The text places /assets/{id}, but there is no uploaded file {id}; upload the image first."
                    : $"The text places /assets/{id} as an image, but it is {found.ContentType}.");
            }
        }
    }

    private static string Field(FileLink link) => link.Role switch
    {
        FileRole.Video => "video.videoFileId",
        FileRole.Poster => "video.posterFileId",
        FileRole.Subtitles => $"video.subtitles[{link.Language}]",
        _ => link.Language is null ? "promo.files" : $"promo.files[{link.Language}]",
    };

    private static string Expected(FileRole role) => role switch
    {
        FileRole.Video => "an MP4 or WebM video",
        FileRole.Poster => "an image",
        FileRole.Subtitles => "a WebVTT track (or SRT, converted at upload)",
        _ => "an image, a PDF or a video",
    };
}

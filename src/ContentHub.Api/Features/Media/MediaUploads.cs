using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Takes an upload: reads its first bytes to learn its type (refusing what is not allowed, or not what
/// was declared), streams the rest to the store within its type's limit, and records it once per
/// content. The row is written after the file is in place; the file is never visible half-written.
/// </summary>
public sealed class MediaUploads(ContentHubDbContext db, MediaStaging staging, IMediaStore store, VideoProbe videos, CurrentUser user, IOptions<MediaOptions> options, TimeProvider clock)
{
    public sealed record Uploaded(MediaFile File, bool Created);

    public sealed record Refusal(int Status, string Title, string Detail)
    {
        /// <summary>A file over its type's size limit (413).</summary>
        public static Refusal TooLarge(long limit) => new(StatusCodes.Status413PayloadTooLarge, "File too large", new MediaTooLargeException(limit).Message);
    }

    /// <summary>
    /// The stored file, or why not (415 for the type, 413 for the size). It is recorded as uploaded by
    /// <paramref name="uploadedBy"/> when given (the machine's translated subtitles), else by the person asking.
    /// </summary>
    public async Task<(Uploaded? Uploaded, Refusal? Refusal)> UploadAsync(Stream body, string? declared, string? fileName, CancellationToken cancellationToken, string? uploadedBy = null)
    {
        var head = new byte[FileTypes.HeadLength];
        var length = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (length == 0)
        {
            return (null, new Refusal(StatusCodes.Status400BadRequest, "Empty file", "The upload has no bytes."));
        }

        var (type, refused) = Admit(head.AsSpan(0, length), declared);
        if (type is null)
        {
            return (null, refused);
        }

        var limit = options.Value.LimitFor(type.Group);
        StagedFile staged;
        try
        {
            staged = await staging.StageAsync(head.AsMemory(0, length), body, limit, cancellationToken);
        }
        catch (MediaTooLargeException tooLarge)
        {
            return (null, Refusal.TooLarge(tooLarge.Limit));
        }

        (int Width, int Height)? pixels = null;
        if (type.Group == FileGroup.Image)
        {
            pixels = ImageRenditions.Probe(staged.Path);
            var refusal = pixels switch
            {
                null => new Refusal(StatusCodes.Status415UnsupportedMediaType, "Unreadable image", $"The file starts as {type.MediaType} but cannot be read as an image."),
                var (width, height) when (long)width * height > options.Value.MaxImagePixels => new Refusal(StatusCodes.Status400BadRequest, "Image too large",
                    $"The image has {width} × {height} pixels; at most {options.Value.MaxImagePixels} are accepted."),
                _ => null,
            };
            if (refusal is not null)
            {
                staging.Discard(staged);
                return (null, refusal);
            }
        }

        VideoFacts? video = null;
        if (type.Group == FileGroup.Video)
        {
            var probed = await videos.ReadAsync(staged.Path, cancellationToken);
            if (probed is { Facts: null, ToolMissing: false })
            {
                staging.Discard(staged);
                return (null, new Refusal(StatusCodes.Status415UnsupportedMediaType, "Unreadable video", $"The file starts as {type.MediaType} but has no video stream ffprobe can read."));
            }

            video = probed.Facts;
            pixels = video is null ? null : (video.Width, video.Height);
        }

        string? text = null;
        if (type.Group == FileGroup.Document)
        {
            text = PdfText.Extract(staged.Path);
            if (text is null)
            {
                staging.Discard(staged);
                return (null, new Refusal(StatusCodes.Status415UnsupportedMediaType, "Unreadable PDF", "The file starts as a PDF but cannot be read as one."));
            }
        }

        var storedType = type;
        if (type.Group == FileGroup.Subtitles)
        {
            var (subtitles, refusal) = await SubtitlesAsync(staged, type, cancellationToken);
            if (refusal is not null)
            {
                staging.Discard(staged);
                return (null, refusal);
            }

            if (type == FileTypes.Srt)
            {
                staged = await staging.RestageAsync(staged, subtitles!, cancellationToken);
            }

            // Kept for search, like a PDF's text.
            text = WebVtt.CueText(subtitles!);

            storedType = FileTypes.WebVtt;
        }

        return (await RecordAsync(staged, storedType, NameOf(fileName, storedType), pixels, video, text, uploadedBy ?? user.Name, cancellationToken), null);
    }

    /// <summary>The type the first bytes show, or the 415 refusal when they show none allowed or not the declared one.</summary>
    public static (FileType? Type, Refusal? Refusal) Admit(ReadOnlySpan<byte> head, string? declared)
    {
        var type = FileTypes.Detect(head);
        if (type is null)
        {
            return (null, new Refusal(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type",
                "Allowed are JPEG, PNG, WebP, GIF, PDF, MP4, WebM, WebVTT and SRT, recognised by their content (SVG is not accepted)."));
        }

        var mediaType = MediaTypeOf(declared);
        if (mediaType is not null && mediaType != "application/octet-stream" && !type.IsDeclaredAs(mediaType))
        {
            return (null, new Refusal(StatusCodes.Status415UnsupportedMediaType, "Declared type does not match",
                $"The file was declared as {mediaType}, but its content is {type.MediaType}."));
        }

        return (type, null);
    }

    // Subtitles as WebVTT (SRT converted), checked: a malformed cue is refused with its line number.
    private async Task<(byte[]? WebVtt, Refusal? Refusal)> SubtitlesAsync(StagedFile staged, FileType type, CancellationToken cancellationToken)
    {
        var bytes = await staging.ReadAllAsync(staged, cancellationToken);
        var vtt = type == FileTypes.Srt ? SubRip.ToWebVtt(bytes) : bytes;
        if (WebVtt.FirstError(vtt) is not var (line, message))
        {
            return (vtt, null);
        }

        // The converted file has the two lines "WEBVTT" and a blank before the SRT's first line.
        var where = type == FileTypes.Srt ? $"SRT line {Math.Max(1, line - 2)}" : $"Line {line}";
        return (null, new Refusal(StatusCodes.Status400BadRequest, "Malformed subtitles", $"{where}: {message}"));
    }

    private async Task<Uploaded> RecordAsync(
        StagedFile staged, FileType type, string fileName, (int Width, int Height)? pixels, VideoFacts? video, string? text, string uploadedBy, CancellationToken cancellationToken)
    {
        // A deletion of the same content waits for this, or this for it (see MediaLock).
        await using var held = await MediaLock.TakeAsync(db, staged.Sha256, cancellationToken);
        if (await StoredAsync(staged.Sha256, cancellationToken) is { } known)
        {
            staging.Discard(staged);
            return new Uploaded(known, Created: false);
        }

        await store.CommitAsync(staged, type.MediaType, cancellationToken);
        var file = MediaFile.Create(Guid.CreateVersion7(), staged.Sha256, type.MediaType, staged.Size, fileName, pixels, uploadedBy, clock.GetUtcNow());
        if (video is not null)
        {
            file.WithVideo(video.DurationSeconds, video.VideoCodec, video.AudioCodec);
        }

        if (text is not null)
        {
            file.WithText(text);
        }

        db.MediaFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Uploaded(file, Created: true);
        }
        catch (DbUpdateException)
        {
            // The same content uploaded at the same moment by someone else: theirs is the record.
            db.ChangeTracker.Clear();
            var raced = await StoredAsync(staged.Sha256, CancellationToken.None);
            if (raced is null)
            {
                throw;
            }

            return new Uploaded(raced, Created: false);
        }
    }

    private Task<MediaFile?> StoredAsync(string sha256, CancellationToken cancellationToken) =>
        db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Sha256 == sha256, cancellationToken);

    private static string? MediaTypeOf(string? declared) =>
        declared is null ? null : Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(declared, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : declared;

    // Only the last path segment of what the client calls it, without control characters, bounded.
    private static string NameOf(string? fileName, FileType type)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "file";
        }

        if (type == FileTypes.WebVtt && name.EndsWith(".srt", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4] + ".vtt";
        }

        return name.Length <= MediaFile.MaxFileNameLength ? name : name[^MediaFile.MaxFileNameLength..];
    }
}

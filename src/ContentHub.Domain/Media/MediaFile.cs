namespace ContentHub.Domain.Media;

/// <summary>
/// An uploaded file, stored once per content (its SHA-256 names it in storage): the type its own
/// bytes show, its size, the name it was uploaded under; for an image or a video its pixel size, for a
/// video its duration and codecs.
/// </summary>
public sealed class MediaFile
{
    public const int MaxFileNameLength = 255;

    private MediaFile()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes; unique.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    public double? DurationSeconds { get; private set; }

    public string? VideoCodec { get; private set; }

    public string? AudioCodec { get; private set; }

    /// <summary>For a PDF, its text (for search); null for other files.</summary>
    public string? Text { get; private set; }

    public string UploadedBy { get; private set; } = string.Empty;

    /// <summary>For an image, where its subject is, when an editor said so.</summary>
    public double? FocalX { get; private set; }

    public double? FocalY { get; private set; }

    /// <summary>The point crops keep in view: the one set, else the middle.</summary>
    public FocalPoint Focus => FocalX is { } x && FocalY is { } y ? new FocalPoint(x, y) : FocalPoint.Center;

    /// <summary>An image, with renditions (its pixel size alone does not say so: videos have one too).</summary>
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.Ordinal);

    /// <summary>A WebVTT subtitle track (SRT is stored converted).</summary>
    public bool IsSubtitles => ContentType == "text/vtt";

    public bool IsPdf => ContentType == "application/pdf";

    /// <summary>Whether the file can be attached to an item in <paramref name="role"/>.</summary>
    public bool Fits(FileRole role) => role switch
    {
        FileRole.Video => IsVideo,
        FileRole.Poster => IsImage,
        FileRole.Subtitles => IsSubtitles,
        FileRole.Asset => IsImage || IsPdf || IsVideo,
        FileRole.Inline => IsImage,
        _ => false,
    };

    public DateTimeOffset UploadedAt { get; private set; }

    public static MediaFile Create(Guid id, string sha256, string contentType, long size, string fileName, (int Width, int Height)? pixels, string by, DateTimeOffset now) => new()
    {
        Id = id,
        Sha256 = sha256,
        ContentType = contentType,
        Size = size,
        FileName = fileName,
        Width = pixels?.Width,
        Height = pixels?.Height,
        UploadedBy = by,
        UploadedAt = now,
    };

    /// <summary>Sets where the image's subject is (null: the middle again).</summary>
    public void FocusOn(FocalPoint? point)
    {
        if (point is { } p && !FocalPoint.IsValid(p.X, p.Y))
        {
            throw new ArgumentOutOfRangeException(nameof(point), "A focal point lies within the image: 0 to 1 across and down.");
        }

        (FocalX, FocalY) = (point?.X, point?.Y);
    }

    /// <summary>The text extracted from a PDF.</summary>
    public MediaFile WithText(string text)
    {
        Text = text;
        return this;
    }

    /// <summary>What a probe of the video found.</summary>
    public MediaFile WithVideo(double durationSeconds, string videoCodec, string? audioCodec)
    {
        DurationSeconds = durationSeconds;
        VideoCodec = videoCodec;
        AudioCodec = audioCodec;
        return this;
    }
}

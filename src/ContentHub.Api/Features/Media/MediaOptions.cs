namespace ContentHub.Api.Features.Media;

/// <summary>Where uploaded files are kept and how large they may be (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>The folder of the disk store; relative paths start at the working directory, beside the embedded cluster's.</summary>
    public string DiskPath { get; set; } = Path.Combine(".contenthub", "media");

    public long MaxImageBytes { get; set; } = 25L * 1024 * 1024;

    public long MaxDocumentBytes { get; set; } = 100L * 1024 * 1024;

    public long MaxVideoBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public long MaxSubtitleBytes { get; set; } = 1024 * 1024;

    /// <summary>Images with more pixels are refused: a small file can unpack into gigabytes (a decompression bomb).</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>The widths renditions are made in; no other is served. (Null by default: the binder would add configured widths to the defaults.)</summary>
    public int[]? RenditionWidths { get; set; }

    public IReadOnlyList<int> Widths => RenditionWidths is { Length: > 0 } widths ? [.. widths.Distinct().Order()] : [320, 640, 1024, 1600, 2048];

    /// <summary>Encoder quality of WebP and JPEG renditions (0–100).</summary>
    public int RenditionQuality { get; set; } = 82;

    public long LimitFor(FileGroup group) => group switch
    {
        FileGroup.Image => MaxImageBytes,
        FileGroup.Document => MaxDocumentBytes,
        FileGroup.Video => MaxVideoBytes,
        _ => MaxSubtitleBytes,
    };
}

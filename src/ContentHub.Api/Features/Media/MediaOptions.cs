namespace ContentHub.Api.Features.Media;

/// <summary>Where uploaded files are kept and how large they may be (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary><c>Disk</c> (the default) or <c>S3</c>.</summary>
    public string Store { get; set; } = "Disk";

    public S3StoreOptions S3 { get; set; } = new();

    /// <summary>The folder of the disk store; relative paths start at the working directory, beside the embedded cluster's.</summary>
    public string DiskPath { get; set; } = Path.Combine(".contenthub", "media");

    public long MaxImageBytes { get; set; } = 25L * 1024 * 1024;

    public long MaxDocumentBytes { get; set; } = 100L * 1024 * 1024;

    public long MaxVideoBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public long MaxSubtitleBytes { get; set; } = 1024 * 1024;

    /// <summary>Staging files not written to for this long are what a crash left; they are removed.</summary>
    public TimeSpan StagingMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many unfinished resumable uploads one person may have at once.</summary>
    public int MaxOpenResumableUploads { get; set; } = 10;

    /// <summary>Files no item uses are deleted by the clean-up once they are this old (younger ones are about to be attached).</summary>
    public TimeSpan UnusedFileMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>False to run no clean-up of unused files in this instance (the clean-up runs daily; one instance is enough).</summary>
    public bool CleanUpUnusedFiles { get; set; } = true;

    /// <summary>Images with more pixels are refused: a small file can unpack into gigabytes (a decompression bomb).</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>The widths renditions are made in; no other is served. (Null by default: the binder would add configured widths to the defaults.)</summary>
    public int[]? RenditionWidths { get; set; }

    public IReadOnlyList<int> Widths => RenditionWidths is { Length: > 0 } widths ? [.. widths.Distinct().Order()] : [320, 640, 1024, 1600, 2048];

    /// <summary>The aspect ratios crops are made in (<c>16x9</c>), around the image's focal point. (Null by default, as the widths.)</summary>
    public string[]? RenditionCrops { get; set; }

    public IReadOnlyList<AspectRatio> Crops =>
        [.. (RenditionCrops is { Length: > 0 } crops ? crops : ["1x1", "4x3", "16x9"]).Select(c => AspectRatio.TryParse(c, out var ratio) ? ratio : default).Distinct()];

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

/// <summary>An S3-compatible store (section <c>Media:S3</c>).</summary>
public sealed class S3StoreOptions
{
    /// <summary>The store's address for MinIO, Ceph or a local S3; empty for AWS itself (then <see cref="Region"/> decides).</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "contenthub-media";

    /// <summary>Empty: the AWS SDK's own credential chain (environment, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path rather than the host name, as MinIO and most self-hosted stores need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}

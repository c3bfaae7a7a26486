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

    public long LimitFor(FileGroup group) => group switch
    {
        FileGroup.Image => MaxImageBytes,
        FileGroup.Document => MaxDocumentBytes,
        FileGroup.Video => MaxVideoBytes,
        _ => MaxSubtitleBytes,
    };
}

using System.Text;
using System.Text.RegularExpressions;

namespace ContentHub.Api.Features.Media;

/// <summary>What kind of file an upload is, which decides its size limit.</summary>
public enum FileGroup
{
    Image,
    Document,
    Video,
    Subtitles,
}

/// <summary>A type ContentHub accepts: its media type, the names clients also declare it by, and its group.</summary>
public sealed record FileType(string MediaType, FileGroup Group, params string[] Aliases)
{
    public bool IsDeclaredAs(string declared) =>
        declared.Equals(MediaType, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => a.Equals(declared, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Decides a file's type from its first bytes (magic numbers), never from what the client declares:
/// JPEG, PNG, WebP, GIF, PDF, MP4, WebM, WebVTT and SRT. Anything else — SVG above all, which can
/// carry script — is refused.
/// </summary>
public static partial class FileTypes
{
    /// <summary>How many bytes are read before deciding.</summary>
    public const int HeadLength = 64;

    public static readonly FileType Jpeg = new("image/jpeg", FileGroup.Image, "image/jpg", "image/pjpeg");
    public static readonly FileType Png = new("image/png", FileGroup.Image);
    public static readonly FileType WebP = new("image/webp", FileGroup.Image);
    public static readonly FileType Gif = new("image/gif", FileGroup.Image);
    public static readonly FileType Pdf = new("application/pdf", FileGroup.Document);
    public static readonly FileType Mp4 = new("video/mp4", FileGroup.Video, "application/mp4");
    public static readonly FileType WebM = new("video/webm", FileGroup.Video, "audio/webm");
    public static readonly FileType WebVtt = new("text/vtt", FileGroup.Subtitles);

    /// <summary>Accepted as upload, stored as WebVTT.</summary>
    public static readonly FileType Srt = new("application/x-subrip", FileGroup.Subtitles, "text/srt", "application/srt", "text/plain");

    public static IReadOnlyList<FileType> All { get; } = [Jpeg, Png, WebP, Gif, Pdf, Mp4, WebM, WebVtt, Srt];

    /// <summary>The type the bytes show, or null when they show none that is accepted.</summary>
    public static FileType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        // ISO base media: a box size, then "ftyp" and a brand of the MP4 family.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && Mp4Brands.Contains(Encoding.ASCII.GetString(head[8..12])))
        {
            return Mp4;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && head.IndexOf("webm"u8) >= 0)
        {
            return WebM;
        }

        var text = WithoutBom(head);
        if (text.StartsWith("WEBVTT"u8) && (text.Length == 6 || text[6] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
        {
            return WebVtt;
        }

        return SrtStart().IsMatch(Encoding.UTF8.GetString(text)) ? Srt : null;
    }

    private static readonly HashSet<string> Mp4Brands = new(StringComparer.Ordinal) { "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "MSNV" };

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;

    // A cue number, then a timing line "00:00:01,000 --> 00:00:02,500".
    [GeneratedRegex(@"^\s*\d+\s*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")]
    private static partial Regex SrtStart();
}

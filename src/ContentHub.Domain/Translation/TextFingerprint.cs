using System.Security.Cryptography;
using System.Text;

namespace ContentHub.Domain.Translation;

/// <summary>
/// A hash of the translatable text of a variant (title, summary, body, SEO description, and a video's
/// subtitle track and transcript in that language), so that a translation can tell whether its source changed
/// without keeping the whole source beside it.
/// </summary>
public static class TextFingerprint
{
    /// <param name="subtitles">The language's subtitle track: its file id, which stands for its content since identical uploads are one file.</param>
    /// <param name="transcript">A video's transcript in the language.</param>
    public static string Of(string title, string? summary, string bodyMarkdown, string? seoDescription, Guid? subtitles = null, string? transcript = null)
    {
        var text = string.Join('\u001f', title, summary ?? string.Empty, bodyMarkdown, seoDescription ?? string.Empty);
        // Appended only when there is a track, so the text of every other variant keeps its fingerprint.
        text = subtitles is { } track ? text + '\u001f' + track.ToString("N") : text;
        text = transcript is not null ? text + '\u001e' + transcript : text;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

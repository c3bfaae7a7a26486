using System.Text;
using System.Text.RegularExpressions;

namespace ContentHub.Api.Features.Media;

/// <summary>SubRip (SRT) subtitles, turned into WebVTT: the format browsers and portals play.</summary>
public static partial class SubRip
{
    public static byte[] ToWebVtt(byte[] srt)
    {
        var text = Encoding.UTF8.GetString(srt).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        // Timing lines only: SRT writes the milliseconds after a comma, WebVTT after a dot.
        var cues = Timing().Replace(text, match => match.Value.Replace(',', '.'));
        return Encoding.UTF8.GetBytes("WEBVTT\n\n" + cues.TrimStart('\n'));
    }

    [GeneratedRegex(@"^\d{1,2}:\d{2}:\d{2},\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2},\d{1,3}", RegexOptions.Multiline)]
    private static partial Regex Timing();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Checks a WebVTT file by the W3C WebVTT file syntax, as players read it: the signature, blocks
/// separated by blank lines, each cue a timing line (<c>00:01.000 --> 00:04.000</c>, optional hours,
/// minutes and seconds under 60, three-digit milliseconds, an end after the start, starts in order)
/// with its text. The first error is reported with its line number.
/// </summary>
public static partial class WebVtt
{
    /// <summary>Null when the file is well formed, otherwise the first error (1-based line number, what is wrong).</summary>
    public static (int Line, string Message)? FirstError(byte[] file)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(file).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (1, "The file is not UTF-8.");
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (!Signature().IsMatch(lines[0]))
        {
            return (1, "A WebVTT file starts with the line WEBVTT.");
        }

        var index = 1;
        // The header runs to the first blank line.
        while (index < lines.Length && lines[index].Length > 0)
        {
            if (lines[index].Contains("-->", StringComparison.Ordinal))
            {
                return (index + 1, "A blank line must separate the header from the first cue.");
            }

            index++;
        }

        var previousStart = TimeSpan.Zero;
        while (index < lines.Length)
        {
            if (lines[index].Length == 0)
            {
                index++;
                continue;
            }

            var block = index;
            if (lines[index].StartsWith("NOTE", StringComparison.Ordinal) && (lines[index].Length == 4 || lines[index][4] is ' ' or '\t'))
            {
                while (index < lines.Length && lines[index].Length > 0)
                {
                    index++;
                }

                continue;
            }

            // An optional identifier line, then the timing line.
            if (!lines[index].Contains("-->", StringComparison.Ordinal))
            {
                index++;
                if (index >= lines.Length || !lines[index].Contains("-->", StringComparison.Ordinal))
                {
                    return (block + 1, "A cue needs a timing line such as 00:00:01.000 --> 00:00:04.000.");
                }
            }

            var timing = Timing().Match(lines[index]);
            if (!timing.Success)
            {
                return (index + 1, "The timing line is not start --> end with times such as 00:01.000 or 01:02:03.456.");
            }

            if (Time(timing.Groups["start"].Value) is not { } start || Time(timing.Groups["end"].Value) is not { } end)
            {
                return (index + 1, "Minutes and seconds must be under 60.");
            }

            if (end <= start)
            {
                return (index + 1, "The cue must end after it starts.");
            }

            if (start < previousStart)
            {
                return (index + 1, "Cues must be in the order of their start times.");
            }

            previousStart = start;
            index++;
            while (index < lines.Length && lines[index].Length > 0)
            {
                if (lines[index].Contains("-->", StringComparison.Ordinal))
                {
                    return (index + 1, "Cue text cannot contain -->; a blank line must come before the next cue.");
                }

                index++;
            }
        }

        return null;
    }

    /// <summary>
    /// The words a well-formed file shows, cue by cue, without identifiers, timings, notes or the
    /// tags of cue text (&lt;v Speaker&gt;, &lt;i&gt;): what search finds a video by.
    /// </summary>
    public static string CueText(byte[] file)
    {
        var lines = Encoding.UTF8.GetString(file).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var text = new StringBuilder();
        var inCue = false;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                inCue = false;
            }
            else if (line.Contains("-->", StringComparison.Ordinal))
            {
                inCue = true;
            }
            else if (inCue)
            {
                text.AppendLine(System.Net.WebUtility.HtmlDecode(CueTags().Replace(line, string.Empty)));
            }
        }

        return text.ToString().Trim();
    }

    private static TimeSpan? Time(string value)
    {
        var parts = value.Split(':');
        var hours = parts.Length == 3 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(parts[^2], CultureInfo.InvariantCulture);
        var seconds = decimal.Parse(parts[^1], CultureInfo.InvariantCulture);
        return minutes >= 60 || seconds >= 60 ? null : new TimeSpan(0, hours, minutes, 0) + TimeSpan.FromMilliseconds((double)(seconds * 1000));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex CueTags();

    [GeneratedRegex(@"^WEBVTT([ \t].*)?$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"^(?<start>(\d{2,}:)?\d{2}:\d{2}\.\d{3})[ \t]+-->[ \t]+(?<end>(\d{2,}:)?\d{2}:\d{2}\.\d{3})([ \t].*)?$")]
    private static partial Regex Timing();
}

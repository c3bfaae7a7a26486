using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContentHub.Api.Features.Media;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// A subtitle track (WebVTT, well formed as uploads are) as translation segments: the text of each
/// cue is one (<c>subtitles/0</c>, <c>subtitles/1</c>…), with its tags (<c>&lt;i&gt;</c>,
/// <c>&lt;v Speaker&gt;</c>), line breaks and numbers as standalone codes. The way back writes the
/// same track, header, identifiers and timings unchanged, with each cue's text translated.
/// </summary>
public sealed partial class SubtitleSegments
{
    public const string Prefix = "subtitles/";

    // The track as blocks of lines; a cue's text lines are replaced by its segment when written back.
    private readonly List<(List<string> Lines, Segment? Cue)> _blocks = [];

    private SubtitleSegments()
    {
    }

    public IReadOnlyList<Segment> Segments { get; private set; } = [];

    /// <summary>Reads a track that passed <see cref="WebVtt.FirstError"/> (uploads are checked).</summary>
    public static SubtitleSegments Parse(string webVtt)
    {
        var lines = webVtt.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var track = new SubtitleSegments();
        var index = 0;
        while (index < lines.Length)
        {
            var block = new List<string>();
            while (index < lines.Length && lines[index].Length > 0)
            {
                block.Add(lines[index++]);
            }

            while (index < lines.Length && lines[index].Length == 0)
            {
                index++;
            }

            if (block.Count > 0)
            {
                track.Add(block);
            }
        }

        track.Segments = track._blocks.Select(b => b.Cue).OfType<Segment>().ToList();
        return track;
    }

    /// <summary>The track with each cue's text replaced by its translation (missing ones keep the source).</summary>
    public string Translate(IReadOnlyDictionary<string, TaggedText> translations)
    {
        var text = new StringBuilder();
        foreach (var (lines, cue) in _blocks)
        {
            if (cue is not null && translations.TryGetValue(cue.Id, out var translated))
            {
                var timing = lines.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
                lines.Take(timing + 1).ToList().ForEach(l => text.Append(l).Append('\n'));
                text.Append(CueText(translated, cue.Codes)).Append('\n');
            }
            else
            {
                lines.ForEach(l => text.Append(l).Append('\n'));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    // A cue's text lines as one segment: tags, line breaks and numbers become codes, entities their characters.
    private void Add(List<string> lines)
    {
        var timing = lines.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
        if (_blocks.Count == 0 || timing < 0 || timing == lines.Count - 1)
        {
            // The header, a NOTE, or a cue without text.
            _blocks.Add((lines, null));
            return;
        }

        var runs = new List<Run>();
        var codes = new List<InlineCode>();
        var cueText = string.Join('\n', lines.Skip(timing + 1));
        var position = 0;
        foreach (Match code in Codes().Matches(cueText))
        {
            AddText(cueText[position..code.Index], runs);
            var kind = code.Value == "\n" ? CodeKind.LineBreak : code.Value.StartsWith('<') ? CodeKind.Markup : CodeKind.Number;
            codes.Add(new InlineCode(codes.Count + 1, kind, code.Value));
            runs.Add(new Run.Standalone(codes.Count));
            position = code.Index + code.Length;
        }

        AddText(cueText[position..], runs);
        var segment = new Segment(Prefix + _blocks.Count(b => b.Cue is not null), new TaggedText(runs), codes);
        _blocks.Add((lines, string.IsNullOrWhiteSpace(segment.Text.PlainText) ? null : segment));
    }

    private static void AddText(string raw, List<Run> runs)
    {
        if (raw.Length > 0)
        {
            runs.Add(new Run.Text(WebUtility.HtmlDecode(raw)));
        }
    }

    // Codes as their source text; text escaped as cue text requires, on one line (line breaks are codes),
    // so no translation can end a cue early or write "-->".
    private static string CueText(TaggedText translated, IReadOnlyList<InlineCode> codes)
    {
        var text = new StringBuilder();
        foreach (var run in translated.Runs)
        {
            _ = run switch
            {
                Run.Text t => text.Append(Escape(t.Value)),
                Run.Standalone s => text.Append(codes.First(c => c.Id == s.Id).Before),
                _ => text,
            };
        }

        // Blank lines would end the cue; a translation of nothing leaves the cue without text.
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace('\n', ' ').Replace('\r', ' ');

    [GeneratedRegex(@"<[^>\n]*>|\n|" + MarkdownSegments.NumberPattern)]
    private static partial Regex Codes();
}

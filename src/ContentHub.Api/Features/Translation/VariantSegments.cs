using System.Text;
using System.Text.RegularExpressions;
using ContentHub.Api.Features.Content;
using ContentHub.Domain.Content;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// A variant as segments: <c>title</c>, <c>summary</c>, <c>seo</c> (plain text, numbers as codes),
/// the body's blocks (<c>body/0</c>…, see <see cref="MarkdownSegments"/>) and, for a video, each line
/// of its transcript (<c>transcript/0</c>…, plain text) and the cues of its subtitle track in that
/// language (<c>subtitles/0</c>…, see <see cref="SubtitleSegments"/>);
/// and the way back from translated segments to a draft of the variant and its track.
/// </summary>
public sealed partial class VariantSegments
{
    private static readonly string[] PlainFields = ["title", "summary", "seo"];

    private readonly Dictionary<string, Segment> _plain;
    private readonly MarkdownSegments _body;
    private readonly SubtitleSegments? _subtitles;
    private readonly string _title;
    private readonly string? _summary;
    private readonly string? _seo;
    private readonly string[]? _transcript;

    private VariantSegments(string title, string? summary, string body, string? seo, string? transcript, SubtitleSegments? subtitles = null)
    {
        (_title, _summary, _seo, _subtitles) = (title, summary, seo, subtitles);
        _plain = new Dictionary<string, Segment>(StringComparer.Ordinal);
        Add("title", title);
        Add("summary", summary);
        Add("seo", seo);
        _body = MarkdownSegments.Split(body);

        // A transcript line by line (an utterance each); blank lines stay where they are.
        _transcript = transcript?.Split('\n');
        var lines = new List<string>();
        for (var i = 0; i < (_transcript?.Length ?? 0); i++)
        {
            Add(TranscriptLine(i), _transcript![i]);
            if (_plain.ContainsKey(TranscriptLine(i)))
            {
                lines.Add(TranscriptLine(i));
            }
        }

        All = [.. PlainFields.Where(_plain.ContainsKey).Select(id => _plain[id]), .. _body.Segments, .. lines.Select(id => _plain[id]), .. subtitles?.Segments ?? []];
    }

    public IReadOnlyList<Segment> All { get; }

    /// <summary>The variant's segments, with the cues of its language's subtitle track when given (see <see cref="SubtitleTracks"/>).</summary>
    public static VariantSegments Of(ContentVariant variant, SubtitleSegments? subtitles = null) =>
        new(variant.Title, variant.Summary, variant.BodyMarkdown, variant.SeoDescription, variant.Transcript, subtitles);

    public static VariantSegments Of(string title, string? summary, string body, string? seo, string? transcript = null) => new(title, summary, body, seo, transcript);

    /// <summary>The variant's text with each segment replaced by its translation (missing ones keep the source).</summary>
    public VariantDraft Draft(IReadOnlyDictionary<string, TaggedText> translations) =>
        new(
            Field("title", _title, translations)!,
            Field("summary", _summary, translations),
            _body.Join(translations),
            Slug: null,
            Field("seo", _seo, translations),
            _transcript is null ? null : string.Join('\n', _transcript.Select((line, i) => Field(TranscriptLine(i), line, translations)!.Replace('\n', ' '))));

    /// <summary>The subtitle track with each cue translated (missing ones keep the source), or null when there is no track.</summary>
    public string? Subtitles(IReadOnlyDictionary<string, TaggedText> translations) => _subtitles?.Translate(translations);

    /// <summary>A plain-text segment written back: codes as their source text, text as it is.</summary>
    public static string ToPlain(TaggedText text, IReadOnlyList<InlineCode> codes)
    {
        var builder = new StringBuilder();
        foreach (var run in text.Runs)
        {
            _ = run switch
            {
                Run.Text t => builder.Append(t.Value),
                Run.Standalone s => builder.Append(codes.First(c => c.Id == s.Id).Before),
                _ => builder,
            };
        }

        return builder.ToString();
    }

    // Numbered by line, so a translated line goes back to its place whatever the blank lines around it.
    private static string TranscriptLine(int index) => $"transcript/{index}";

    private string? Field(string id, string? source, IReadOnlyDictionary<string, TaggedText> translations) =>
        _plain.TryGetValue(id, out var segment) && translations.TryGetValue(id, out var translated)
            ? ToPlain(translated, segment.Codes).Trim()
            : source;

    private void Add(string id, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var runs = new List<Run>();
        var codes = new List<InlineCode>();
        var position = 0;
        foreach (Match number in Numbers().Matches(text))
        {
            if (number.Index > position)
            {
                runs.Add(new Run.Text(text[position..number.Index]));
            }

            codes.Add(new InlineCode(codes.Count + 1, CodeKind.Number, number.Value));
            runs.Add(new Run.Standalone(codes.Count));
            position = number.Index + number.Length;
        }

        if (position < text.Length)
        {
            runs.Add(new Run.Text(text[position..]));
        }

        _plain[id] = new Segment(id, new TaggedText(runs), codes);
    }

    [GeneratedRegex(MarkdownSegments.NumberPattern)]
    private static partial Regex Numbers();
}

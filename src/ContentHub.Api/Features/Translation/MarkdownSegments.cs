using System.Text;
using System.Text.RegularExpressions;
using ContentHub.Api.Features.Rendering;
using ContentHub.Domain.Translation;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Splits a Markdown body into segments by its structure — one per paragraph, heading, list item or
/// table cell, inline text only — and puts translated segments back in place. Everything outside
/// a segment's inline text (block markers, code blocks, tables' pipes, link destinations) is copied
/// from the source byte for byte; inside, links and emphasis become paired codes around their text,
/// and inline code, URLs, numbers and line breaks standalone codes that are never sent to anyone.
/// </summary>
public sealed partial class MarkdownSegments
{
    /// <summary>A number, with its separators (<c>1.250</c>, <c>3,5</c>, <c>15/06/2023</c>, <c>08:30</c>), in any script's digits.</summary>
    internal const string NumberPattern = @"\p{Nd}+(?:[.,:/]\p{Nd}+)*";

    private readonly string _markdown;
    private readonly List<Placed> _placed;

    private MarkdownSegments(string markdown, List<Placed> placed)
    {
        _markdown = markdown;
        _placed = placed;
    }

    public IReadOnlyList<Segment> Segments => _placed.ConvertAll(p => p.Segment);

    public static MarkdownSegments Split(string markdown, string prefix = "body")
    {
        var document = Markdown.Parse(markdown, MarkdownRenderer.LocatingPipeline);
        var placed = new List<Placed>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not { FirstChild: not null } inline)
            {
                continue;
            }

            var builder = new SegmentBuilder(markdown);
            builder.AddChildren(inline);
            var (start, end) = (Bounds(inline.FirstChild!, markdown).Start, Bounds(LastOf(inline), markdown).End + 1);
            if (start < 0 || end > markdown.Length || start >= end)
            {
                continue;
            }

            var text = builder.Build();
            if (text.Runs.OfType<Run.Text>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
            {
                placed.Add(new Placed(new Segment($"{prefix}/{placed.Count}", text, builder.Codes), start, end));
            }
        }

        placed.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new MarkdownSegments(markdown, placed);
    }

    /// <summary>
    /// The body with each segment replaced by its translation (segments missing from
    /// <paramref name="translations"/> keep their source). A translation equal to its source is
    /// copied as the source was written.
    /// </summary>
    public string Join(IReadOnlyDictionary<string, TaggedText> translations)
    {
        var result = new StringBuilder(_markdown.Length + 256);
        var position = 0;
        foreach (var placed in _placed)
        {
            result.Append(_markdown, position, placed.Start - position);
            if (translations.TryGetValue(placed.Segment.Id, out var translated) && !translated.Equals(placed.Segment.Text))
            {
                result.Append(ToMarkdown(translated, placed.Segment.Codes));
            }
            else
            {
                result.Append(_markdown, placed.Start, placed.End - placed.Start);
            }

            position = placed.End;
        }

        result.Append(_markdown, position, _markdown.Length - position);
        return result.ToString();
    }

    /// <summary>A segment written back as Markdown: its codes as their source, its text escaped.</summary>
    public static string ToMarkdown(TaggedText text, IReadOnlyList<InlineCode> codes)
    {
        var builder = new StringBuilder();
        var lineStart = true;
        foreach (var run in text.Runs)
        {
            switch (run)
            {
                case Run.Text t:
                    Escape(t.Value, lineStart, builder);
                    lineStart = false;
                    break;
                case Run.Open o:
                    builder.Append(codes.First(c => c.Id == o.Id).Before);
                    lineStart = false;
                    break;
                case Run.Close c:
                    builder.Append(codes.First(x => x.Id == c.Id).After);
                    break;
                case Run.Standalone s:
                    var code = codes.First(c => c.Id == s.Id);
                    builder.Append(code.Before);
                    lineStart = code.Kind == CodeKind.LineBreak;
                    break;
            }
        }

        return builder.ToString();
    }

    // Backslash-escapes (always allowed by CommonMark) what Markdown, with this pipeline's extensions,
    // could read as syntax inside a line, and what would start a block at the start of a line.
    private static void Escape(string text, bool lineStart, StringBuilder builder)
    {
        var first = LeadingSpaces(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var doubled = (i + 1 < text.Length && text[i + 1] == c) || (i > 0 && text[i - 1] == c);
            var escape = c switch
            {
                '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '|' or '~' or '^' or '#' => true,
                '&' => i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '#'),
                '=' or '+' => doubled || (lineStart && i == first),
                '-' => lineStart && i == first,
                _ => false,
            };
            if (escape)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }

    private static int LeadingSpaces(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Where an inline is in the source. A literal's span can include whitespace its parser trimmed
    /// from the text (a table cell's padding), which belongs outside the segment.
    /// </summary>
    private static (int Start, int End) Bounds(Inline inline, string markdown)
    {
        var (start, end) = (inline.Span.Start, inline.Span.End);
        if (inline is LiteralInline literal && start >= 0 && end < markdown.Length)
        {
            var content = literal.Content.AsSpan();
            if (content.IsEmpty)
            {
                // Nothing but trimmed padding: it takes no room in the segment.
                return (start, start - 1);
            }

            while (start < end && char.IsWhiteSpace(markdown[start]) && !char.IsWhiteSpace(content[0]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(markdown[end]) && !char.IsWhiteSpace(content[^1]))
            {
                end--;
            }
        }

        return (start, end);
    }

    private static Inline LastOf(ContainerInline container)
    {
        var last = container.FirstChild!;
        while (last.NextSibling is not null)
        {
            last = last.NextSibling;
        }

        return last;
    }

    private sealed record Placed(Segment Segment, int Start, int End);

    /// <summary>Walks one block's inlines into runs and codes.</summary>
    private sealed partial class SegmentBuilder(string markdown)
    {
        private readonly List<Run> _runs = [];
        private readonly StringBuilder _text = new();

        public List<InlineCode> Codes { get; } = [];

        public TaggedText Build()
        {
            Flush();
            return new TaggedText(_runs);
        }

        public void AddChildren(ContainerInline container)
        {
            Inline? previous = null;
            for (var child = container.FirstChild; child is not null; child = child.NextSibling)
            {
                // Whatever the parser skipped between two inlines (a continuation line's indentation) is kept as written.
                if (previous is not null && Bounds(child, markdown).Start > Bounds(previous, markdown).End + 1)
                {
                    Standalone(CodeKind.Markup, markdown[(Bounds(previous, markdown).End + 1)..Bounds(child, markdown).Start]);
                }

                Add(child);
                previous = child;
            }
        }

        private void Add(Inline inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    AddText(literal.Content.ToString());
                    break;
                case HtmlEntityInline entity:
                    _text.Append(entity.Transcoded.ToString());
                    break;
                case LinkInline { IsAutoLink: false, FirstChild: not null } link:
                    Pair(link.IsImage ? CodeKind.Image : CodeKind.Link, link);
                    break;
                case EmphasisInline { FirstChild: not null } emphasis:
                    Pair(CodeKind.Emphasis, emphasis);
                    break;
                default:
                    Standalone(KindOf(inline), Source(inline));
                    break;
            }
        }

        private void Pair(CodeKind kind, ContainerInline container)
        {
            var first = container.FirstChild!;
            var last = LastOf(container);
            if (first.Span.Start < container.Span.Start || last.Span.End > container.Span.End)
            {
                Standalone(kind, Source(container));
                return;
            }

            var id = Codes.Count + 1;
            Codes.Add(new InlineCode(id, kind, markdown[container.Span.Start..first.Span.Start], markdown[(last.Span.End + 1)..(container.Span.End + 1)]));
            Flush();
            _runs.Add(new Run.Open(id));
            AddChildren(container);
            Flush();
            _runs.Add(new Run.Close(id));
        }

        private void Standalone(CodeKind kind, string source)
        {
            var id = Codes.Count + 1;
            Codes.Add(new InlineCode(id, kind, source));
            Flush();
            _runs.Add(new Run.Standalone(id));
        }

        // URLs and numbers are never translated: each becomes a standalone code the translation must keep.
        private void AddText(string text)
        {
            var position = 0;
            foreach (Match match in Protected().Matches(text))
            {
                _text.Append(text, position, match.Index - position);
                Standalone(match.Groups["url"].Success ? CodeKind.Url : CodeKind.Number, match.Value);
                position = match.Index + match.Length;
            }

            _text.Append(text, position, text.Length - position);
        }

        private string Source(Inline inline) =>
            inline.Span.Start >= 0 && inline.Span.End < markdown.Length && inline.Span.End >= inline.Span.Start
                ? markdown[inline.Span.Start..(inline.Span.End + 1)]
                : string.Empty;

        private static CodeKind KindOf(Inline inline) => inline switch
        {
            CodeInline => CodeKind.Code,
            AutolinkInline or LinkInline { IsAutoLink: true } => CodeKind.Url,
            LinkInline { IsImage: true } => CodeKind.Image,
            LinkInline => CodeKind.Link,
            LineBreakInline => CodeKind.LineBreak,
            TaskList => CodeKind.Markup,
            _ => CodeKind.Markup,
        };

        private void Flush()
        {
            if (_text.Length > 0)
            {
                _runs.Add(new Run.Text(_text.ToString()));
                _text.Clear();
            }
        }

        [GeneratedRegex(@"(?<url>\b(?:https?://|mailto:|www\.)[^\s<>]*[^\s<>.,;:!?'"")\]])|" + NumberPattern)]
        private static partial Regex Protected();
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ContentHub.Api.Http;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// XLIFF 2.0 and 1.2 for CAT tools: one <c>file</c> per item, one unit per segment (title, summary,
/// SEO description, each Markdown block), inline markup as XLIFF's inline codes (2.0 <c>pc</c>/<c>ph</c>,
/// 1.2 <c>g</c>/<c>x</c>, with what they stand for in <c>disp</c> and <c>equiv-text</c>), notes with the
/// item's kind and category and the glossary terms of each segment, and segment states mapped to XLIFF's.
/// Reading refuses DTDs and entities, and reports problems by line and unit.
/// </summary>
public static class XliffFormat
{
    public const string MediaType = "application/xliff+xml";
    public static readonly XNamespace V2 = "urn:oasis:names:tc:xliff:document:2.0";
    public static readonly XNamespace V12 = "urn:oasis:names:tc:xliff:document:1.2";

    public static string Write(IReadOnlyList<ExchangeFile> files, LanguageTag source, LanguageTag target, string version)
    {
        var root = version == "1.2"
            ? new XElement(V12 + "xliff", new XAttribute("version", "1.2"), files.Select(f => File12(f)))
            : new XElement(V2 + "xliff", new XAttribute("version", "2.0"), new XAttribute("srcLang", source.Code), new XAttribute("trgLang", target.Code),
                files.Select((f, i) => File20(f, i)));
        using var writer = new Utf8StringWriter();
        // No indentation: it would add whitespace to segments that hold only inline codes.
        new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer, SaveOptions.DisableFormatting);
        return writer.ToString();
    }

    private static XElement File20(ExchangeFile file, int index) =>
        new(V2 + "file", new XAttribute("id", $"f{index + 1}"), new XAttribute("original", Original(file.ItemId)),
            file.Notes.Count == 0 ? null : new XElement(V2 + "notes", file.Notes.Select(n => new XElement(V2 + "note", n))),
            file.Units.Select(u => new XElement(V2 + "unit", new XAttribute("id", ExchangeUnit.UnitId(u.SegmentId)), new XAttribute("name", u.SegmentId),
                u.Notes.Count == 0 ? null : new XElement(V2 + "notes", u.Notes.Select(n => new XElement(V2 + "note", new XAttribute("category", "glossary"), n))),
                new XElement(V2 + "segment", new XAttribute("state", u.Target is null ? "initial" : u.State),
                    new XElement(V2 + "source", Inline20(u.Source, u.Codes)),
                    u.Target is null ? null : new XElement(V2 + "target", Inline20(u.Target, u.Codes))))));

    private static XElement File12(ExchangeFile file) =>
        new(V12 + "file", new XAttribute("original", Original(file.ItemId)), new XAttribute("source-language", file.Source.Code),
            new XAttribute("target-language", file.Target.Code), new XAttribute("datatype", "x-markdown"),
            file.Notes.Count == 0 ? null : new XElement(V12 + "header", file.Notes.Select(n => new XElement(V12 + "note", n))),
            new XElement(V12 + "body", file.Units.Select(u => new XElement(V12 + "trans-unit", new XAttribute("id", u.SegmentId),
                new XElement(V12 + "source", Inline12(u.Source, u.Codes)),
                u.Target is null ? null : new XElement(V12 + "target", new XAttribute("state", State12(u.State)), Inline12(u.Target, u.Codes)),
                u.Notes.Select(n => new XElement(V12 + "note", new XAttribute("from", "glossary"), n))))));

    private static string State12(string state) => state switch
    {
        "final" => "final",
        "reviewed" => "signed-off",
        "translated" => "translated",
        _ => "needs-review-translation",
    };

    private static string Original(Guid itemId) => $"item/{itemId}";

    private static List<object> Inline20(TaggedText text, IReadOnlyList<InlineCode> codes) => Nest(text, codes,
        (code, children) => new XElement(V2 + "pc", new XAttribute("id", code.Id), Disp("dispStart", code.Before), Disp("dispEnd", code.After), children),
        code => new XElement(V2 + "ph", new XAttribute("id", code.Id), Disp("disp", code.Before)));

    private static List<object> Inline12(TaggedText text, IReadOnlyList<InlineCode> codes) => Nest(text, codes,
        (code, children) => new XElement(V12 + "g", new XAttribute("id", code.Id.ToString(CultureInfo.InvariantCulture)), children),
        code => new XElement(V12 + "x", new XAttribute("id", code.Id.ToString(CultureInfo.InvariantCulture)), Disp("equiv-text", code.Before)));

    private static XAttribute? Disp(string name, string value) => value.Length == 0 ? null : new XAttribute(name, value);

    // Runs into nested XML: a pair's content goes inside its element.
    private static List<object> Nest(TaggedText text, IReadOnlyList<InlineCode> codes, Func<InlineCode, List<object>, XElement> pair, Func<InlineCode, XElement> standalone)
    {
        var stack = new Stack<(InlineCode? Code, List<object> Content)>();
        stack.Push((null, []));
        foreach (var run in text.Runs)
        {
            switch (run)
            {
                case Run.Text t:
                    stack.Peek().Content.Add(new XText(t.Value));
                    break;
                case Run.Open o:
                    stack.Push((CodeOf(codes, o.Id), []));
                    break;
                case Run.Close:
                    var (code, content) = stack.Pop();
                    stack.Peek().Content.Add(pair(code!, content));
                    break;
                case Run.Standalone s:
                    stack.Peek().Content.Add(standalone(CodeOf(codes, s.Id)));
                    break;
            }
        }

        return stack.Pop().Content;
    }

    private static InlineCode CodeOf(IReadOnlyList<InlineCode> codes, int id) => codes.FirstOrDefault(c => c.Id == id) ?? new InlineCode(id, CodeKind.Markup, string.Empty);

    /// <summary>The file's items and units, with the line of each; errors (line and unit) go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ExchangeFile> Read(string content, int maxUnits, List<string> errors)
    {
        if (UntrustedXml.Load(content, errors) is not { } document)
        {
            return [];
        }

        var root = document.Root!;
        var v2 = root.Name == V2 + "xliff";
        if (!v2 && root.Name != V12 + "xliff")
        {
            errors.Add("line 1: an XLIFF 2.0 or 1.2 document (its namespace) was expected.");
            return [];
        }

        var ns = v2 ? V2 : V12;
        var files = new List<ExchangeFile>();
        var units = 0;
        foreach (var file in root.Elements(ns + "file"))
        {
            var line = Line(file);
            var original = (string?)file.Attribute("original") ?? string.Empty;
            var sourceCode = v2 ? (string?)root.Attribute("srcLang") : (string?)file.Attribute("source-language");
            var targetCode = v2 ? (string?)root.Attribute("trgLang") : (string?)file.Attribute("target-language");
            if (!original.StartsWith("item/", StringComparison.Ordinal) || !Guid.TryParse(original.AsSpan(5), out var itemId))
            {
                errors.Add($"line {line}: the file's original must name an item (item/<id>), as exported.");
                continue;
            }

            if (!LanguageTag.TryParse(sourceCode, out var source) || !LanguageTag.TryParse(targetCode, out var target))
            {
                errors.Add($"line {line}: source and target languages must be ones ContentHub publishes ({LanguageTag.SupportedList}).");
                continue;
            }

            var read = new List<ExchangeUnit>();
            foreach (var unit in v2 ? file.Descendants(ns + "unit") : file.Descendants(ns + "trans-unit"))
            {
                if (++units > maxUnits)
                {
                    errors.Add($"line {Line(unit)}: more than {maxUnits:N0} units in one file.");
                    return files;
                }

                var id = (string?)unit.Attribute("id") ?? string.Empty;
                var segmentId = v2 ? ExchangeUnit.SegmentIdOf(id) : id;
                var segment = v2 ? unit.Elements(ns + "segment").ToList() : [unit];
                if (segment.Count != 1)
                {
                    errors.Add($"line {Line(unit)}, unit {id}: one segment per unit, as exported (no resegmenting).");
                    continue;
                }

                var sourceText = Inline(segment[0].Element(ns + "source"), ns, errors, Line(unit), id);
                var targetElement = segment[0].Element(ns + "target");
                var targetText = targetElement is null ? null : Inline(targetElement, ns, errors, Line(targetElement), id);
                if (sourceText is not null)
                {
                    read.Add(new ExchangeUnit(segmentId, sourceText, [], targetText, (string?)segment[0].Attribute("state") ?? "initial", [], Line(unit)));
                }
            }

            files.Add(new ExchangeFile(itemId, source, target, [], read, line));
        }

        return files;
    }

    private static TaggedText? Inline(XElement? element, XNamespace ns, List<string> errors, int line, string unit)
    {
        if (element is null)
        {
            errors.Add($"line {line}, unit {unit}: the unit has no source.");
            return null;
        }

        var runs = new List<Run>();
        var text = new StringBuilder();
        if (!Walk(element, ns, runs, text, errors, line, unit))
        {
            return null;
        }

        if (text.Length > 0)
        {
            runs.Add(new Run.Text(text.ToString()));
        }

        var tagged = new TaggedText(runs);
        if (!tagged.IsWellFormed())
        {
            errors.Add($"line {line}, unit {unit}: an inline code appears twice.");
            return null;
        }

        return tagged;
    }

    private static bool Walk(XElement element, XNamespace ns, List<Run> runs, StringBuilder text, List<string> errors, int line, string unit)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement e when e.Name == ns + "pc" || e.Name == ns + "g":
                    if (!int.TryParse((string?)e.Attribute("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var pair))
                    {
                        errors.Add($"line {Line(e)}, unit {unit}: inline code ids are the numbers exported.");
                        return false;
                    }

                    Flush(text, runs);
                    runs.Add(new Run.Open(pair));
                    if (!Walk(e, ns, runs, text, errors, line, unit))
                    {
                        return false;
                    }

                    Flush(text, runs);
                    runs.Add(new Run.Close(pair));
                    break;
                case XElement e when e.Name == ns + "ph" || e.Name == ns + "x":
                    if (!int.TryParse((string?)e.Attribute("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var single))
                    {
                        errors.Add($"line {Line(e)}, unit {unit}: inline code ids are the numbers exported.");
                        return false;
                    }

                    Flush(text, runs);
                    runs.Add(new Run.Standalone(single));
                    break;
                case XElement e when e.Name == ns + "mrk":
                    // An annotation a CAT tool added: its text counts, the mark does not.
                    if (!Walk(e, ns, runs, text, errors, line, unit))
                    {
                        return false;
                    }

                    break;
                case XElement e:
                    errors.Add($"line {Line(e)}, unit {unit}: <{e.Name.LocalName}> is not an inline code ContentHub exports.");
                    return false;
            }
        }

        return true;
    }

    private static void Flush(StringBuilder text, List<Run> runs)
    {
        if (text.Length > 0)
        {
            runs.Add(new Run.Text(text.ToString()));
            text.Clear();
        }
    }

    private static int Line(XObject node) => ((IXmlLineInfo)node).HasLineInfo() ? ((IXmlLineInfo)node).LineNumber : 0;
}

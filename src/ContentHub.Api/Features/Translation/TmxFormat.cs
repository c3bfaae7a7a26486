using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ContentHub.Api.Http;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Translation memory as TMX 1.4b, which every CAT tool reads: one <c>tu</c> per pair, a <c>tuv</c>
/// per language, inline codes as <c>bpt</c>/<c>ept</c> (paired by <c>i</c>) and <c>ph</c> (by
/// <c>x</c>), each holding its code in ContentHub's canonical form (<c>{1}</c>, <c>{/1}</c>,
/// <c>{2/}</c>) as its native data. Reading refuses DTDs and entities.
/// </summary>
public static class TmxFormat
{
    public const string MediaType = "application/x-tmx+xml";

    public sealed record Pair(LanguageTag Source, LanguageTag Target, TaggedText SourceText, TaggedText TargetText, string? By, DateTimeOffset? At);

    public static string Write(LanguageTag source, IEnumerable<MemoryEntry> entries)
    {
        var body = new XElement("body", entries.Select(e => new XElement("tu",
            new XAttribute("tuid", e.Id.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("creationdate", e.UpdatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)),
            new XAttribute("creationid", e.CreatedBy),
            Tuv(e.SourceLanguage, TaggedText.FromCanonical(e.Source)!),
            Tuv(e.TargetLanguage, TaggedText.FromCanonical(e.Target)!))));
        var tmx = new XElement("tmx", new XAttribute("version", "1.4"),
            new XElement("header", new XAttribute("creationtool", "ContentHub"), new XAttribute("creationtoolversion", "1.0"), new XAttribute("segtype", "block"),
                new XAttribute("o-tmf", "ContentHub"), new XAttribute("adminlang", "en"), new XAttribute("srclang", source.Code), new XAttribute("datatype", "plaintext")),
            body);
        using var writer = new Utf8StringWriter();
        new XDocument(new XDeclaration("1.0", "UTF-8", null), tmx).Save(writer, SaveOptions.DisableFormatting);
        return writer.ToString();
    }

    public static IReadOnlyList<Pair> Read(string content, LanguageTag source, int maxUnits, List<string> errors)
    {
        if (UntrustedXml.Load(content, errors) is not { } document)
        {
            return [];
        }

        if (document.Root?.Name.LocalName != "tmx")
        {
            errors.Add("line 1: a TMX document (<tmx version=\"1.4\">) was expected.");
            return [];
        }

        var pairs = new List<Pair>();
        foreach (var tu in document.Root.Descendants("tu"))
        {
            var line = ((IXmlLineInfo)tu).LineNumber;
            if (pairs.Count >= maxUnits)
            {
                errors.Add($"line {line}: more than {maxUnits:N0} translation units.");
                break;
            }

            var variants = tu.Elements("tuv").Select(v => (Language: (string?)v.Attribute(XNamespace.Xml + "lang") ?? (string?)v.Attribute("lang"), Seg: v.Element("seg"))).ToList();
            var from = variants.FirstOrDefault(v => LanguageTag.TryParse(v.Language, out var tag) && tag == source);
            if (from.Seg is null || Segment(from.Seg, errors, line) is not { } sourceText)
            {
                errors.Add($"line {line}: the unit has no {source} segment ContentHub can read.");
                continue;
            }

            foreach (var (language, seg) in variants.Where(v => v != from))
            {
                if (!LanguageTag.TryParse(language, out var target) || target == source || seg is null)
                {
                    errors.Add($"line {line}: '{language}' is not a language ContentHub publishes ({LanguageTag.SupportedList}).");
                    continue;
                }

                if (Segment(seg, errors, line) is { } targetText)
                {
                    if (!targetText.CodeIds().Order().SequenceEqual(sourceText.CodeIds().Order()))
                    {
                        errors.Add($"line {line}: the {target} segment's inline codes differ from the source's.");
                        continue;
                    }

                    pairs.Add(new Pair(source, target, sourceText, targetText, (string?)tu.Attribute("creationid"), Date((string?)tu.Attribute("creationdate"))));
                }
            }
        }

        return pairs;
    }

    private static XElement Tuv(LanguageTag language, TaggedText text)
    {
        var seg = new XElement("seg");
        foreach (var run in text.Runs)
        {
            seg.Add(run switch
            {
                Run.Text t => new XText(t.Value),
                Run.Open o => new XElement("bpt", new XAttribute("i", o.Id), $"{{{o.Id}}}"),
                Run.Close c => new XElement("ept", new XAttribute("i", c.Id), $"{{/{c.Id}}}"),
                Run.Standalone s => new XElement("ph", new XAttribute("x", s.Id), $"{{{s.Id}/}}"),
                _ => null,
            });
        }

        return new XElement("tuv", new XAttribute(XNamespace.Xml + "lang", language.Code), seg);
    }

    private static TaggedText? Segment(XElement seg, List<string> errors, int line)
    {
        var runs = new List<Run>();
        var text = new StringBuilder();
        foreach (var node in seg.Nodes())
        {
            Run? code = node switch
            {
                XText t => Append(text, t.Value),
                XElement { Name.LocalName: "bpt" } e when Number(e, "i") is { } i => new Run.Open(i),
                XElement { Name.LocalName: "ept" } e when Number(e, "i") is { } i => new Run.Close(i),
                XElement { Name.LocalName: "ph" or "it" } e when Number(e, "x") is { } x => new Run.Standalone(x),
                _ => new Run.Text(string.Empty),
            };
            if (code is Run.Text { Value.Length: 0 })
            {
                errors.Add($"line {line}: an inline element ContentHub cannot map (bpt/ept need i, ph needs x).");
                return null;
            }

            if (code is not null)
            {
                if (text.Length > 0)
                {
                    runs.Add(new Run.Text(text.ToString()));
                    text.Clear();
                }

                runs.Add(code);
            }
        }

        if (text.Length > 0)
        {
            runs.Add(new Run.Text(text.ToString()));
        }

        var tagged = new TaggedText(runs);
        return tagged.IsWellFormed() ? tagged : null;
    }

    private static Run? Append(StringBuilder text, string value)
    {
        text.Append(value);
        return null;
    }

    private static int? Number(XElement element, string attribute) =>
        int.TryParse((string?)element.Attribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

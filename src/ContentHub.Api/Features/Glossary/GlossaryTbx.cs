using System.Xml;
using System.Xml.Linq;
using ContentHub.Api.Http;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Glossary;

/// <summary>
/// The glossary as TBX-Basic (ISO 30042:2019, DCA style): one <c>conceptEntry</c> per source term,
/// a <c>langSec</c> for the source and one per target language, the part of speech as
/// <c>termNote type="partOfSpeech"</c>, the note as the target term's <c>note</c>, and a
/// do-not-translate term marked by the note <see cref="DoNotTranslateNote"/> on its target. Reading
/// refuses DTDs and external entities.
/// </summary>
public static class GlossaryTbx
{
    public const string MediaType = "application/x-tbx+xml";
    public const string DoNotTranslateNote = "Do not translate.";
    private static readonly XNamespace Tbx = "urn:iso:std:iso:30042:ed-2";

    public static string Write(LanguageTag source, IReadOnlyList<GlossaryTerm> terms)
    {
        var concepts = terms.Where(t => t.SourceLanguage == source).GroupBy(t => t.SourceKey).OrderBy(g => g.Key, StringComparer.Ordinal).Select((group, index) =>
            new XElement(Tbx + "conceptEntry", new XAttribute("id", $"c{index + 1}"),
                LangSec(source, group.First().Source, group.First().PartOfSpeech, note: null),
                group.OrderBy(t => t.TargetLanguage.Code, StringComparer.Ordinal)
                    .Select(t => LangSec(t.TargetLanguage, t.Target, t.PartOfSpeech, t.DoNotTranslate ? DoNotTranslateNote : t.Note))));
        var text = new XElement(Tbx + "text");
        var entries = concepts.ToList();
        if (entries.Count > 0)
        {
            text.Add(new XElement(Tbx + "body", entries));
        }

        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Tbx + "tbx", new XAttribute("type", "TBX-Basic"), new XAttribute("style", "dca"), new XAttribute(XNamespace.Xml + "lang", source.Code),
                new XElement(Tbx + "tbxHeader", new XElement(Tbx + "fileDesc", new XElement(Tbx + "sourceDesc", new XElement(Tbx + "p", "ContentHub glossary")))),
                text));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    /// <summary>Every pair of the source language's term with another language's, or the errors (line numbers of the file).</summary>
    public static IReadOnlyList<TermInput> Read(string content, LanguageTag source, int maxTerms, FieldErrors errors)
    {
        var terms = new List<TermInput>();
        var problems = new List<string>();
        if (UntrustedXml.Load(content, problems) is not { } document)
        {
            errors.Add(problems[0].Split(':')[0], string.Join(':', problems[0].Split(':').Skip(1)).Trim());
            return terms;
        }

        if (document.Root?.Name != Tbx + "tbx" || (string?)document.Root.Attribute("type") != "TBX-Basic")
        {
            errors.Add("line 1", "A TBX-Basic file: <tbx type=\"TBX-Basic\" xmlns=\"urn:iso:std:iso:30042:ed-2\">.");
            return terms;
        }

        foreach (var concept in document.Descendants(Tbx + "conceptEntry"))
        {
            var line = $"line {((IXmlLineInfo)concept).LineNumber}: ";
            var sections = concept.Elements(Tbx + "langSec").Select(l => (Language: (string?)l.Attribute(XNamespace.Xml + "lang"), Term: l.Element(Tbx + "termSec"))).ToList();
            var sourceSection = sections.FirstOrDefault(s => LanguageTag.TryParse(s.Language, out var tag) && tag == source);
            if (sourceSection.Term is null)
            {
                errors.Add(line + "langSec", $"The concept has no {source} term.");
                continue;
            }

            foreach (var (language, termSection) in sections.Where(s => s.Term is not null && s != sourceSection))
            {
                if (terms.Count >= maxTerms)
                {
                    errors.Add(line + "conceptEntry", $"At most {maxTerms:N0} terms per import.");
                    return terms;
                }

                var note = (string?)termSection!.Element(Tbx + "note");
                var request = new GlossaryTermRequest(source.Code, language ?? string.Empty, (string?)sourceSection.Term.Element(Tbx + "term") ?? string.Empty,
                    (string?)termSection.Element(Tbx + "term"), PartOfSpeechOf(termSection) ?? PartOfSpeechOf(sourceSection.Term),
                    note == DoNotTranslateNote, note == DoNotTranslateNote ? null : note);
                if (TermInput.Check(request, errors, line) is { } term)
                {
                    terms.Add(term);
                }
            }
        }

        return terms;
    }

    private static string? PartOfSpeechOf(XElement termSection) =>
        termSection.Elements(Tbx + "termNote").FirstOrDefault(n => (string?)n.Attribute("type") == "partOfSpeech")?.Value;

    private static XElement LangSec(LanguageTag language, string term, PartOfSpeech partOfSpeech, string? note) =>
        new(Tbx + "langSec", new XAttribute(XNamespace.Xml + "lang", language.Code),
            new XElement(Tbx + "termSec",
                new XElement(Tbx + "term", term),
                new XElement(Tbx + "termNote", new XAttribute("type", "partOfSpeech"), GlossaryTermResponse.Camel(partOfSpeech)),
                note is null ? null : new XElement(Tbx + "note", note)));
}

using ContentHub.Api.Features.Glossary;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

public enum FindingSeverity
{
    /// <summary>Blocks the step to review.</summary>
    Error,

    /// <summary>Listed; the step to review needs the warnings accepted with a reason.</summary>
    Warning,
}

/// <summary>One thing a check found in one segment of a translation.</summary>
public sealed record Finding(string Segment, string Check, FindingSeverity Severity, string Message);

/// <summary>
/// The checks a translation passes before review, segment by segment against its source: nothing
/// empty, nothing left untranslated, the same numbers, dates, URLs, links, emphasis and code (all
/// inline codes), the same Markdown blocks, the glossary's terms (and do-not-translate terms
/// unchanged), and a length not far off what the language pair usually gives.
/// </summary>
public static class QualityChecks
{
    // Characters of target per character of Vietnamese (or any alphabetic source), roughly: CJK is denser.
    private static readonly Dictionary<string, double> ExpectedRatio = new(StringComparer.Ordinal)
    {
        ["zh-Hans"] = 0.35, ["ja"] = 0.45, ["ko"] = 0.55, ["en"] = 1.0, ["lo"] = 1.1, ["vi"] = 1.0,
    };

    public static IReadOnlyList<Finding> Run(
        IReadOnlyList<Segment> source, IReadOnlyList<Segment> target, LanguageTag sourceLanguage, LanguageTag targetLanguage, IReadOnlyList<GlossaryTerm>? glossary = null)
    {
        var findings = new List<Finding>();
        var targets = target.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var missing in source.Where(s => !targets.ContainsKey(s.Id)))
        {
            findings.Add(new(missing.Id, "structure", FindingSeverity.Error, missing.Id.StartsWith(SubtitleSegments.Prefix, StringComparison.Ordinal)
                ? $"The source's subtitle track has this cue ({Excerpt(missing)}) and the translation's track has none in its place."
                : $"The source has this segment ({Excerpt(missing)}) and the translation has no block in its place."));
        }

        foreach (var extra in target.Where(t => source.All(s => s.Id != t.Id)))
        {
            findings.Add(new(extra.Id, "structure", FindingSeverity.Error, $"The translation has a block the source does not have ({Excerpt(extra)})."));
        }

        if (findings.Count > 0)
        {
            return findings;
        }

        var ratio = Ratio(targetLanguage) / Ratio(sourceLanguage);
        foreach (var segment in source)
        {
            var translated = targets[segment.Id];
            var sourceText = segment.Text.PlainText.Trim();
            var targetText = translated.Text.PlainText.Trim();
            if (targetText.Length == 0)
            {
                findings.Add(new(segment.Id, "empty", FindingSeverity.Error, "The segment is empty."));
                continue;
            }

            if (targetText == sourceText && sourceText.Count(char.IsLetter) > 3)
            {
                findings.Add(new(segment.Id, "untranslated", FindingSeverity.Warning, "The segment is the same as its source."));
            }

            CompareCodes(segment, translated, findings);
            CheckTerms(segment.Id, sourceText, targetText, glossary ?? [], findings);
            if (sourceText.Length >= 20)
            {
                var relative = targetText.Length / (sourceText.Length * ratio);
                if (relative is < 0.4 or > 2.5)
                {
                    findings.Add(new(segment.Id, "length", FindingSeverity.Warning,
                        $"The segment is {targetText.Length} characters for {sourceText.Length} in the source; about {Math.Round(sourceText.Length * ratio)} would be usual."));
                }
            }
        }

        return findings;
    }

    // Every glossary term of the source must appear as the glossary says; a do-not-translate term as it is.
    private static void CheckTerms(string segment, string sourceText, string targetText, IReadOnlyList<GlossaryTerm> glossary, List<Finding> findings)
    {
        foreach (var term in GlossaryMatcher.Find(sourceText, glossary).Select(h => h.Term).DistinctBy(t => t.Id))
        {
            if (!GlossaryMatcher.Contains(targetText, term.Target))
            {
                findings.Add(term.DoNotTranslate
                    ? new(segment, "do-not-translate", FindingSeverity.Error, $"“{term.Source}” is not to be translated, and the translation changes it.")
                    : new(segment, "glossary", FindingSeverity.Error, $"The glossary renders “{term.Source}” as “{term.Target}”, which the translation does not use."));
            }
        }
    }

    private static void CompareCodes(Segment source, Segment target, List<Finding> findings)
    {
        var expected = source.Codes.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var actual = target.Codes.Select(Describe).Order(StringComparer.Ordinal).ToList();
        foreach (var lost in expected.Except(actual, StringComparer.Ordinal))
        {
            findings.Add(new(source.Id, CheckOf(lost), FindingSeverity.Error, $"The source has {lost}, the translation does not."));
        }

        foreach (var added in actual.Except(expected, StringComparer.Ordinal))
        {
            findings.Add(new(source.Id, CheckOf(added), FindingSeverity.Error, $"The translation has {added}, the source does not."));
        }
    }

    private static string Describe(InlineCode code) => code.Kind switch
    {
        CodeKind.Number => $"the number {new string(code.Before.Where(char.IsDigit).ToArray())}",
        CodeKind.Url => $"the URL {code.Before}",
        CodeKind.Link => $"a link to {code.After.TrimStart(']', '(').TrimEnd(')')}",
        CodeKind.Image => $"an image {code.After.TrimStart(']', '(').TrimEnd(')')}",
        CodeKind.Code => $"the code {code.Before}",
        CodeKind.LineBreak => "a line break",
        _ => $"the markup {code.Before}{code.After}",
    };

    private static string CheckOf(string description) =>
        description.StartsWith("the number", StringComparison.Ordinal) ? "numbers"
        : description.StartsWith("the URL", StringComparison.Ordinal) || description.StartsWith("a link", StringComparison.Ordinal) || description.StartsWith("an image", StringComparison.Ordinal) ? "links"
        : "markup";

    private static double Ratio(LanguageTag language) => ExpectedRatio.GetValueOrDefault(language.Code, 1.0);

    private static string Excerpt(Segment segment)
    {
        var text = segment.Text.PlainText.Trim();
        return text.Length <= 60 ? $"“{text}”" : $"“{text[..57]}…”";
    }
}

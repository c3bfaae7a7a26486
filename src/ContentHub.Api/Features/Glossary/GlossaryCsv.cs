using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ContentHub.Api.Http;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Glossary;

/// <summary>
/// The glossary as CSV (RFC 4180, UTF-8, a header line):
/// <c>source_language,target_language,source,target,part_of_speech,do_not_translate,note</c>.
/// </summary>
public static class GlossaryCsv
{
    public const string MediaType = "text/csv";
    private static readonly string[] Header = ["source_language", "target_language", "source", "target", "part_of_speech", "do_not_translate", "note"];

    public static string Write(IEnumerable<GlossaryTerm> terms)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var term in terms)
        {
            csv.WriteField(term.SourceLanguage.Code);
            csv.WriteField(term.TargetLanguage.Code);
            csv.WriteField(term.Source);
            csv.WriteField(term.Target);
            csv.WriteField(GlossaryTermResponse.Camel(term.PartOfSpeech));
            csv.WriteField(term.DoNotTranslate ? "true" : "false");
            csv.WriteField(term.Note ?? string.Empty);
            csv.NextRecord();
        }

        return text.ToString();
    }

    /// <summary>Every entry of the file, or the errors, each named by its line.</summary>
    public static IReadOnlyList<TermInput> Read(string content, int maxTerms, FieldErrors errors)
    {
        var terms = new List<TermInput>();
        using var reader = new StringReader(content);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true, BadDataFound = null });
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || !Header.SequenceEqual(csv.HeaderRecord ?? [], StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("line 1", "The first line is the header: " + string.Join(",", Header) + ".");
                return terms;
            }

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (terms.Count >= maxTerms)
                {
                    errors.Add($"line {line}", $"At most {maxTerms:N0} terms per import.");
                    break;
                }

                var doNotTranslate = csv.GetField(5)?.Trim() ?? string.Empty;
                if (doNotTranslate is not ("" or "true" or "false" or "1" or "0" or "yes" or "no"))
                {
                    errors.Add($"line {line}: doNotTranslate", "true or false.");
                    continue;
                }

                var request = new GlossaryTermRequest(csv.GetField(0) ?? string.Empty, csv.GetField(1) ?? string.Empty, csv.GetField(2) ?? string.Empty,
                    Empty(csv.GetField(3)), Empty(csv.GetField(4)), doNotTranslate is "true" or "1" or "yes", Empty(csv.GetField(6)));
                if (TermInput.Check(request, errors, $"line {line}: ") is { } term)
                {
                    terms.Add(term);
                }
            }
        }
        catch (CsvHelperException exception)
        {
            errors.Add($"line {exception.Context?.Parser?.RawRow ?? 0}", "Not CSV as RFC 4180 describes it (seven fields a line; quotes doubled inside quoted fields).");
        }

        return terms;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

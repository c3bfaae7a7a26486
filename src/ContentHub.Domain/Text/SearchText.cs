using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentHub.Domain.Text;

/// <summary>
/// Text folded for searching: Latin-script diacritics removed (so "bac giang" finds "Bắc Giang"),
/// đ as d, lower case, HTML tags and entities gone, white space single. Other scripts are kept as
/// they are. The same folding applies to what is stored and to what is searched for.
/// </summary>
public static partial class SearchText
{
    /// <summary>The most characters kept per entry: enough for the title, lead and the start of the body.</summary>
    public const int MaxLength = 20_000;

    public static string Of(string title, string? summary, string bodyHtml)
    {
        var body = WebUtility.HtmlDecode(Tags().Replace(bodyHtml, " "));
        var folded = Fold($"{title} {summary} {body}");
        return folded.Length <= MaxLength ? folded : folded[..MaxLength];
    }

    public static string Fold(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var previousWasLatin = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark && previousWasLatin)
            {
                continue;
            }

            previousWasLatin = c < 0x0250 && char.IsLetter(c);
            folded.Append(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }

        return Spaces().Replace(folded.ToString().Normalize(NormalizationForm.FormC), " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentHub.Domain.Text;

/// <summary>
/// Text for searching. <see cref="Fold"/>: Latin-script diacritics removed (so "bac giang" finds
/// "Bắc Giang"), đ as d, lower case, white space single; other scripts are kept as they are.
/// <see cref="PlainText"/>: rendered HTML as the words a reader sees.
/// </summary>
public static partial class SearchText
{
    /// <summary>The text of rendered HTML: tags gone, entities decoded, white space single.</summary>
    public static string PlainText(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

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

using System.Globalization;
using System.Text;

namespace ContentHub.Domain.Text;

/// <summary>
/// URL slugs. Vietnamese (and other Latin-script text) is folded to ASCII: "Bắc Giang" becomes
/// <c>bac-giang</c>, đ becomes d. Letters of other scripts (Chinese, Korean, Japanese, Lao) are kept
/// with their combining marks, since folding them would leave nothing; everything that is not a
/// letter, mark or digit becomes a single hyphen.
/// </summary>
public static class Slug
{
    public const int MaxLength = 120;

    public static string From(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var previousWasLatin = false;
        var pendingHyphen = false;

        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Diacritics on Latin letters fold away; vowel signs of Lao and other scripts are part of the word.
                if (!previousWasLatin && slug.Length > 0 && !pendingHyphen)
                {
                    slug.Append(rune.ToString());
                }

                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingHyphen = false;
                previousWasLatin = rune.IsAscii || IsLatin(rune);
                slug.Append(Rune.ToLowerInvariant(previousWasLatin ? FoldLatin(rune) : rune).ToString());
            }
            else
            {
                pendingHyphen = true;
                previousWasLatin = false;
            }
        }

        return Truncate(slug.ToString().Normalize(NormalizationForm.FormC));
    }

    /// <summary>True when the value is already a well-formed slug (what <see cref="From"/> would keep as it is).</summary>
    public static bool IsValid(string value) =>
        value.Length is > 0 and <= MaxLength && From(value) == value;

    private static bool IsLatin(Rune rune) => rune.Value is >= 0x00C0 and <= 0x024F or >= 0x1E00 and <= 0x1EFF;

    // Latin letters with no decomposition (ø, ł, ß…) still need an ASCII form for the slug.
    private static Rune FoldLatin(Rune rune) => rune.Value switch
    {
        'ø' or 'Ø' => new Rune('o'),
        'ł' or 'Ł' => new Rune('l'),
        'ß' => new Rune('s'),
        'æ' or 'Æ' => new Rune('a'),
        _ => rune,
    };

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        var cut = slug[..MaxLength];
        var lastHyphen = cut.LastIndexOf('-');
        cut = lastHyphen > MaxLength / 2 ? cut[..lastHyphen] : cut;
        // Never leave half of a surrogate pair at the end.
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] : cut.TrimEnd('-');
    }
}

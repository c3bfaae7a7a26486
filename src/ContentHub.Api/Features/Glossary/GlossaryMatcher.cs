using System.Globalization;
using ContentHub.Domain.Text;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Glossary;

/// <summary>
/// Finds glossary terms in a text: case-insensitively, longest first, never overlapping. Where a
/// term's edge is a letter of a script written with spaces, the text must not continue the word
/// there ("Giang" is not found in "Giangs"); in Chinese, Japanese and Lao, which have no spaces,
/// and in Korean, which attaches particles, only the term itself is matched.
/// </summary>
public static class GlossaryMatcher
{
    public sealed record Hit(int Start, int Length, GlossaryTerm Term);

    public static IReadOnlyList<Hit> Find(string text, IReadOnlyList<GlossaryTerm> terms)
    {
        var folded = Fold(text);
        var hits = new List<Hit>();
        var taken = new bool[text.Length];
        foreach (var term in terms.OrderByDescending(t => t.SourceKey.Length))
        {
            var key = term.SourceKey;
            if (key.Length == 0 || key.Length > folded.Length)
            {
                continue;
            }

            for (var at = folded.IndexOf(key, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(key, at + 1, StringComparison.Ordinal))
            {
                if (Bounded(folded, at, key.Length) && !taken.AsSpan(at, key.Length).Contains(true))
                {
                    hits.Add(new Hit(at, key.Length, term));
                    taken.AsSpan(at, key.Length).Fill(true);
                }
            }
        }

        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        return hits;
    }

    /// <summary>True when <paramref name="text"/> contains <paramref name="term"/> as a term (same rules as <see cref="Find"/>).</summary>
    public static bool Contains(string text, string term)
    {
        var folded = Fold(text);
        var key = GlossaryTerm.KeyOf(term);
        for (var at = folded.IndexOf(key, StringComparison.Ordinal); at >= 0 && key.Length > 0; at = folded.IndexOf(key, at + 1, StringComparison.Ordinal))
        {
            if (Bounded(folded, at, key.Length))
            {
                return true;
            }
        }

        return false;
    }

    // Lower case keeps the length of these scripts' text, so positions in the folded text are positions in the text.
    private static string Fold(string text)
    {
        var nfc = TextNormalizer.Nfc(text);
        var lower = nfc.ToLower(CultureInfo.InvariantCulture);
        return lower.Length == text.Length ? lower : text;
    }

    private static bool Bounded(string text, int start, int length) =>
        !(WordChar(text, start) && start > 0 && WordChar(text, start - 1))
        && !(WordChar(text, start + length - 1) && start + length < text.Length && WordChar(text, start + length));

    // Letters and digits of alphabetic scripts that separate words with spaces (Latin with Vietnamese, Greek,
    // Cyrillic). Hangul is left out: Korean attaches particles to the word ("박장에서"), so a term ends anywhere.
    private static bool WordChar(string text, int index)
    {
        var c = text[index];
        return char.IsLetterOrDigit(c) && c < '\u0590';
    }
}

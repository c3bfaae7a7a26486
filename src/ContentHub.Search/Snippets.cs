using System.Text;
using ContentHub.Domain.Languages;

namespace ContentHub.Search;

/// <summary>
/// A short passage of a hit's text around what the search looked for, HTML-escaped, with the matching
/// words in <c>&lt;mark&gt;</c>. The passage is the one with the most different matching words; "…"
/// marks where it was cut. The words are found as the index found them (<see cref="TextAnalyzer"/>), so
/// highlighting agrees with matching in every language.
/// </summary>
public static class Snippets
{
    public const int MaxLength = 200;

    // Text before the first match, so the passage does not start mid-thought.
    private const int Lead = 40;

    // How much of a text is analysed first: a hit's words are usually in its lead, and analysing the
    // whole body of every hit on a page (ten thousand characters each) was most of a search's time
    // (0.8 ms a hit at 1,500 characters; the passage shown is 200).
    private const int FirstLook = 600;

    // Windows are tried from the first hits only: a text that repeats the searched words has hundreds,
    // and trying each against each was quadratic.
    private const int MaxWindowStarts = 16;

    public static string Make(string text, SearchQuery query, LanguageTag language)
    {
        if (text.Length > FirstLook && Make(text[..FirstLook], query, language, whole: false) is { } early)
        {
            return early;
        }

        return Make(text, query, language, whole: true)!;
    }

    // Null when the text is only a beginning (not whole) and no passage with a match fits in it.
    private static string? Make(string text, SearchQuery query, LanguageTag language, bool whole)
    {
        var words = TextAnalyzer.Analyze(text, language);
        var hits = words.Where(w => query.Matches(w.Lexemes)).ToList();
        if (!whole)
        {
            // The last word may be cut off, and a passage must end inside what was analysed.
            hits = hits.Where(h => h.Start + MaxLength < text.Length).ToList();
            if (hits.Count == 0)
            {
                return null;
            }
        }

        if (hits.Count == 0)
        {
            return Cut(text, 0, words, whole: true);
        }

        // The window, starting shortly before a hit, that covers the most different matching lexemes.
        var best = hits[0];
        var bestCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(hits.Count, MaxWindowStarts); i++)
        {
            var start = hits[i];
            seen.Clear();
            for (var j = i; j < hits.Count && hits[j].Start + hits[j].Length <= start.Start - Lead + MaxLength; j++)
            {
                seen.UnionWith(hits[j].Lexemes);
            }

            var count = seen.Count;
            if (count > bestCount)
            {
                (best, bestCount) = (start, count);
            }
        }

        var from = words.Where(w => w.Start >= best.Start - Lead && w.Start <= best.Start).Select(w => w.Start).DefaultIfEmpty(best.Start).First();
        return Cut(text, from, words, whole, hits.Select(h => h.Start).ToHashSet());
    }

    // Only what HTML needs escaped: Vietnamese, Lao and the rest stay readable characters.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Cut(string text, int from, List<AnalyzedWord> words, bool whole, HashSet<int>? marked = null)
    {
        var end = Math.Min(text.Length, from + MaxLength);
        if (end < text.Length && words.LastOrDefault(w => w.Start + w.Length <= end && w.Start > from) is { Length: > 0 } lastWhole)
        {
            end = lastWhole.Start + lastWhole.Length;
        }

        var snippet = new StringBuilder();
        if (from > 0)
        {
            snippet.Append('…');
        }

        var at = from;
        foreach (var word in words.Where(w => w.Start >= from && w.Start + w.Length <= end && marked?.Contains(w.Start) == true))
        {
            snippet.Append(Escape(text[at..word.Start])).Append("<mark>")
                .Append(Escape(text.Substring(word.Start, word.Length))).Append("</mark>");
            at = word.Start + word.Length;
        }

        snippet.Append(Escape(text[at..end]));
        if (end < text.Length || !whole)
        {
            snippet.Append('…');
        }

        return snippet.ToString().Trim();
    }
}

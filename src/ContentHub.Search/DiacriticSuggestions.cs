using ContentHub.Domain.Text;

namespace ContentHub.Search;

/// <summary>
/// "Did you mean" for Vietnamese typed without diacritics: each syllable of the query gets the written
/// form it most often has in titles, chosen by the syllable before it where titles have that pair
/// ("bac giang" → "Bắc Giang", not "bác giảng"). Built from a set of titles; immutable, so one instance
/// serves every request until the next is built.
/// </summary>
public sealed class DiacriticSuggestions
{
    private readonly Dictionary<string, Dictionary<string, int>> _syllables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), Dictionary<(string, string), int>> _pairs = [];

    public DiacriticSuggestions(IEnumerable<string> titles)
    {
        foreach (var title in titles)
        {
            var words = WordBreaker.Words(title).Select(w => title.Substring(w.Start, w.Length).Normalize(System.Text.NormalizationForm.FormC)).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                Count(_syllables, Key(words[i]), words[i]);
                if (i > 0)
                {
                    Count(_pairs, (Key(words[i - 1]), Key(words[i])), (words[i - 1], words[i]));
                }
            }
        }
    }

    /// <summary>The query with diacritics, or null when it has some already or titles suggest nothing different.</summary>
    public string? Suggest(string query)
    {
        var words = WordBreaker.Words(query).Select(w => query.Substring(w.Start, w.Length)).ToList();
        if (words.Count == 0 || words.Any(HasDiacritics))
        {
            return null;
        }

        var chosen = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var key = Key(words[i]);
            string? form = null;
            if (i > 0 && _pairs.TryGetValue((Key(words[i - 1]), key), out var pairs))
            {
                form = pairs.Where(p => i == 1 || p.Key.Item1 == chosen[i - 1]).OrderByDescending(p => p.Value).Select(p => p.Key.Item2).FirstOrDefault();
                if (i == 1 && form is not null)
                {
                    // The pair decides the first syllable too.
                    var pair = pairs.MaxBy(p => p.Value).Key;
                    chosen[0] = pair.Item1;
                    form = pair.Item2;
                }
            }

            form ??= _syllables.TryGetValue(key, out var forms) ? forms.MaxBy(f => f.Value).Key : words[i];
            chosen.Add(form);
        }

        var suggestion = string.Join(' ', chosen);
        return HasDiacritics(suggestion) ? suggestion : null;
    }

    private static string Key(string word) => SearchText.Fold(word);

    private static bool HasDiacritics(string text) => !string.Equals(SearchText.Fold(text), text, StringComparison.OrdinalIgnoreCase);

    private static void Count<TKey, TForm>(Dictionary<TKey, Dictionary<TForm, int>> counts, TKey key, TForm form)
        where TKey : notnull
        where TForm : notnull
    {
        if (!counts.TryGetValue(key, out var forms))
        {
            counts[key] = forms = [];
        }

        forms[form] = forms.GetValueOrDefault(form) + 1;
    }
}

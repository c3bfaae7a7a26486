using System.Text;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;

namespace ContentHub.Search;

/// <summary>A word of a text: where it is, its position among the words, and the lexemes it is indexed under.</summary>
public readonly record struct AnalyzedWord(int Start, int Length, int Position, string[] Lexemes);

/// <summary>A lexeme a query looks for; a prefix matches every lexeme that starts with it.</summary>
public readonly record struct QueryLexeme(string Text, bool Prefix);

/// <summary>
/// Turns text into lexemes, the same way for what is stored and for what is searched for, so that they
/// meet. Words come from ICU (<see cref="WordBreaker"/>); each is normalised (NFKC, lower case) and then
/// treated by its script:
/// <list type="bullet">
/// <item>Latin and other spaced scripts: indexed as written and with diacritics folded ("bắc" and "bac"),
/// so a query typed without diacritics finds it and one typed with them ranks the exact form higher. In
/// English text, stop words are dropped and words stemmed (Porter), with no diacritic form kept.</item>
/// <item>Hangul: indexed as written and without its particle or ending; queries match the stem as a prefix.</item>
/// <item>Han and kana: ICU's words as they are. A query word ICU does not know splits into single
/// characters, in documents and queries alike, and is then matched as a phrase of them: the character
/// n-gram fallback for words outside the dictionary. A word never matches across a word boundary.</item>
/// <item>Lao (and Thai, Khmer, Myanmar): ICU's words, and also the grapheme bigrams of each run of
/// words, because ICU's dictionary splits the same word differently by context ("ລະດູເກັບກ່ຽວ", harvest
/// season, is one word; "ເກັບກ່ຽວ", harvest, alone is another). A query word matches as a word or as
/// the phrase of its bigrams; whole-word matches rank higher, since they match both.</item>
/// </list>
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Longer words (long URLs, base64) are not indexed.</summary>
    public const int MaxWordLength = 100;

    /// <summary>Changes whenever analysis changes what a text is indexed under; stored rows of an older version are re-indexed.</summary>
    public const short Version = 1;

    public static List<AnalyzedWord> Analyze(string text, LanguageTag language)
    {
        var words = WordBreaker.Words(text);
        var analyzed = new List<AnalyzedWord>(words.Count);
        var position = 0;
        foreach (var (start, length) in words)
        {
            position++;
            if (length > MaxWordLength)
            {
                continue;
            }

            analyzed.Add(new AnalyzedWord(start, length, position, Lexemes(Normalize(text.AsSpan(start, length)), language)));
        }

        return analyzed;
    }

    /// <summary>What a stored word is indexed under (none for an English stop word).</summary>
    public static string[] Lexemes(string word, LanguageTag language)
    {
        switch (WordScripts.Of(word))
        {
            case WordScript.Hangul:
                return KoreanStems.Strip(word) is { } stem ? [word, stem] : [word];
            case WordScript.Dictionary or WordScript.Syllabic:
                return [word];
            default:
                var folded = SearchText.Fold(word);
                if (language == LanguageTag.English)
                {
                    return EnglishStopWords.Contains(folded) ? [] : [EnglishStemmer.Stem(folded)];
                }

                return folded == word ? [word] : [word, folded];
        }
    }

    /// <summary>What a query word looks for: any of these (none for an English stop word).</summary>
    public static QueryLexeme[] QueryLexemes(string word, LanguageTag language) => WordScripts.Of(word) switch
    {
        WordScript.Hangul => [new QueryLexeme(KoreanStems.Strip(word) ?? word, Prefix: true)],
        WordScript.Dictionary or WordScript.Syllabic => [new QueryLexeme(word, Prefix: false)],
        _ => Lexemes(word, language).Select(l => new QueryLexeme(l, Prefix: false)).ToArray(),
    };

    /// <summary>Marks grapheme bigrams, so that they never meet a word's lexeme.</summary>
    public const char GramMark = '#';

    /// <summary>The runs of a text's adjacent words in a syllabic script (Lao written without spaces), normalised.</summary>
    public static List<string> SyllabicRuns(string text)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        var end = -1;
        foreach (var (start, length) in WordBreaker.Words(text))
        {
            var word = Normalize(text.AsSpan(start, length));
            var syllabic = WordScripts.Of(word) == WordScript.Syllabic && length <= MaxWordLength;
            if (run.Length > 0 && (!syllabic || start != end))
            {
                runs.Add(run.ToString());
                run.Clear();
            }

            if (syllabic)
            {
                run.Append(word);
                end = start + length;
            }
        }

        if (run.Length > 0)
        {
            runs.Add(run.ToString());
        }

        return runs;
    }

    /// <summary>The grapheme bigrams of a run of syllabic text ("#ເກັ" for ເກັບ…); none for a single grapheme.</summary>
    public static List<string> Grams(string word)
    {
        var graphemes = new List<string>();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            graphemes.Add(elements.GetTextElement());
        }

        return graphemes.Count < 2 ? [] : Enumerable.Range(0, graphemes.Count - 1).Select(i => GramMark + graphemes[i] + graphemes[i + 1]).ToList();
    }

    public static string Normalize(ReadOnlySpan<char> word) => word.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}

using Icu;

namespace ContentHub.Search;

/// <summary>
/// Words of a text by ICU's word break (UAX #29 plus ICU's dictionaries), which is what finds words in
/// Chinese, Japanese and Lao, written without spaces between them. Spaces and punctuation are skipped.
/// One iterator per thread: making one costs far more than reusing it.
/// </summary>
public static class WordBreaker
{
    [ThreadStatic]
    private static BreakIterator? _iterator;

    static WordBreaker() => Wrapper.Init();

    /// <summary>The ICU version in use (the system's libicu).</summary>
    public static string IcuVersion => Wrapper.IcuVersion;

    /// <summary>Start and length of each word, in order.</summary>
    public static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        if (text.Length == 0)
        {
            return words;
        }

        var iterator = _iterator ??= BreakIterator.CreateWordInstance(new Locale("root"));
        iterator.SetText(text);
        var start = iterator.MoveFirst();
        for (var end = iterator.MoveNext(); end != BreakIterator.DONE; start = end, end = iterator.MoveNext())
        {
            // Rule status NONE: spaces, punctuation, symbols.
            if (iterator.GetRuleStatus() >= (int)BreakIterator.UWordBreak.NONE_LIMIT)
            {
                words.Add((start, end - start));
            }
        }

        // Leave no reference to the text in the thread's iterator.
        iterator.SetText(string.Empty);
        return words;
    }
}

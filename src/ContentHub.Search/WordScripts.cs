namespace ContentHub.Search;

/// <summary>How a word is matched, by its script: the script decides, not the language of the text around it.</summary>
public enum WordScript
{
    /// <summary>Latin, Cyrillic, digits and other scripts with spaces between words: folded, and stemmed in English.</summary>
    Spaced,

    /// <summary>Hangul: words carry particles and endings, so the stem is matched as a prefix.</summary>
    Hangul,

    /// <summary>Han and kana: words found by ICU's dictionary, matched whole.</summary>
    Dictionary,

    /// <summary>
    /// Lao, Thai, Khmer, Myanmar: words found by ICU's dictionaries, whose segmentation depends on the
    /// words around (a compound in one sentence, two words in another), so also matched by grapheme bigrams.
    /// </summary>
    Syllabic,
}

public static class WordScripts
{
    public static WordScript Of(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
            {
                return WordScript.Hangul;
            }

            if (c is >= '\u0E00' and <= '\u0EFF' or >= '\u1780' and <= '\u17FF' or >= '\u1000' and <= '\u109F')
            {
                return WordScript.Syllabic;
            }

            if (c is >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
                or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFF9F' || char.IsSurrogate(c))
            {
                return WordScript.Dictionary;
            }
        }

        return WordScript.Spaced;
    }
}

namespace ContentHub.Search;

/// <summary>
/// Korean writes particles and endings onto the word ("박장성의", of Bac Giang province; "투자를", investment
/// as object), so a word is also indexed without the particle or ending it ends with, and a query word is
/// stripped the same way and matched as a prefix. A short list of the common ones, longest first; a
/// morphological analyser would do better, at the cost of a dictionary we do not have.
/// </summary>
public static class KoreanStems
{
    private static readonly string[] Endings =
    [
        // Verb endings of Sino-Korean nouns with 하다 / 되다 ("개최합니다": holds).
        "하였습니다", "했습니다", "되었습니다", "됐습니다", "합니다", "됩니다", "하였다", "되었다", "했다", "한다", "된다", "하는", "되는",
        "하고", "하여", "해서", "하며", "하기", "적인", "적으로",
        // Particles.
        "에서는", "에게서", "으로서", "으로써", "으로는", "에서도", "에서", "에게", "께서", "까지", "부터", "보다", "처럼", "만큼", "으로",
        "이나", "이며", "과의", "와의", "에는", "에도", "와", "과", "은", "는", "이", "가", "을", "를", "의", "에", "로", "도", "만", "나", "며",
    ];

    /// <summary>The word without its particle or ending, or null when it has none (or would be left empty).</summary>
    public static string? Strip(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return null;
    }
}

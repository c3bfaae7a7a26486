namespace ContentHub.Search;

/// <summary>English words too common to search for; they still take their position, so phrases keep their gaps.</summary>
public static class EnglishStopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "between",
        "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from", "had", "has", "have", "he",
        "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "more", "most", "no", "nor", "not", "of", "on", "or",
        "other", "our", "out", "over", "she", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    };

    public static bool Contains(string folded) => Words.Contains(folded);
}

using ContentHub.Domain.Languages;
using NpgsqlTypes;

namespace ContentHub.Search;

/// <summary>
/// A search made into a tsquery for text in one language: each term's words analysed as stored text
/// is (see <see cref="TextAnalyzer"/>), a term of several words (a quoted phrase, or a spaceless word
/// ICU splits) as a phrase that keeps their order and gaps, and AND, OR, NOT as in the search.
/// </summary>
/// <param name="Query">The tsquery; null when nothing in the search can be looked for (English stop words only).</param>
/// <param name="Lexemes">The lexemes the search looks for (not those under NOT), for highlighting.</param>
public sealed record SearchQuery(NpgsqlTsQuery? Query, IReadOnlyList<QueryLexeme> Lexemes)
{
    public static SearchQuery For(SearchExpression search, LanguageTag language)
    {
        var lexemes = new List<QueryLexeme>();
        return new SearchQuery(Node(search, language, lexemes, negated: false), lexemes.Distinct().ToList());
    }

    /// <summary>Whether a stored word, by its lexemes, is one the search looks for.</summary>
    public bool Matches(string[] wordLexemes) =>
        wordLexemes.Any(w => Lexemes.Any(q => q.Prefix ? w.StartsWith(q.Text, StringComparison.Ordinal) : w == q.Text));

    private static NpgsqlTsQuery? Node(SearchExpression node, LanguageTag language, List<QueryLexeme> lexemes, bool negated) => node switch
    {
        SearchExpression.Term term => Phrase(term.Text, language, negated ? [] : lexemes),
        SearchExpression.Both both => Combine(Node(both.Left, language, lexemes, negated), Node(both.Right, language, lexemes, negated), (a, b) => new NpgsqlTsQueryAnd(a, b)),
        SearchExpression.Either either => Combine(Node(either.Left, language, lexemes, negated), Node(either.Right, language, lexemes, negated), (a, b) => new NpgsqlTsQueryOr(a, b)),
        SearchExpression.Negated not => Node(not.Operand, language, lexemes, !negated) is { } operand ? new NpgsqlTsQueryNot(operand) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    // An operand with nothing to look for (a stop word) drops out rather than matching nothing.
    private static NpgsqlTsQuery? Combine(NpgsqlTsQuery? left, NpgsqlTsQuery? right, Func<NpgsqlTsQuery, NpgsqlTsQuery, NpgsqlTsQuery> join) =>
        left is null ? right : right is null ? left : join(left, right);

    private static NpgsqlTsQuery? Phrase(string text, LanguageTag language, List<QueryLexeme> lexemes)
    {
        NpgsqlTsQuery? phrase = null;
        var previousPosition = 0;
        foreach (var word in WordBreaker.Words(text).Select((w, index) => (w.Start, w.Length, Position: index + 1)))
        {
            var alternatives = TextAnalyzer.QueryLexemes(TextAnalyzer.Normalize(text.AsSpan(word.Start, word.Length)), language);
            if (word.Length > TextAnalyzer.MaxWordLength || alternatives.Length == 0)
            {
                continue;
            }

            lexemes.AddRange(alternatives);
            var either = alternatives.Select(a => (NpgsqlTsQuery)new NpgsqlTsQueryLexeme(a.Text, NpgsqlTsQueryLexeme.Weight.None, a.Prefix))
                .Aggregate((a, b) => new NpgsqlTsQueryOr(a, b));
            phrase = phrase is null ? either : new NpgsqlTsQueryFollowedBy(phrase, (short)(word.Position - previousPosition), either);
            previousPosition = word.Position;
        }

        // Lao and the like: the words, or the grapheme bigrams of each run of them (see TextAnalyzer).
        var runs = TextAnalyzer.SyllabicRuns(text).Select(Grams).OfType<NpgsqlTsQuery>().ToList();
        return runs.Count == 0 || phrase is null ? phrase : new NpgsqlTsQueryOr(phrase, runs.Aggregate((a, b) => new NpgsqlTsQueryAnd(a, b)));
    }

    private static NpgsqlTsQuery? Grams(string run) =>
        TextAnalyzer.Grams(run).Select(g => (NpgsqlTsQuery)new NpgsqlTsQueryLexeme(g)).DefaultIfEmpty().Aggregate((a, b) => new NpgsqlTsQueryFollowedBy(a!, 1, b!));
}

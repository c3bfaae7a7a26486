using NpgsqlTypes;

namespace ContentHub.Search;

/// <summary>
/// A search as the queries it is ranked by: without alternatives, the query itself; with
/// alternatives of single words (a Vietnamese syllable with and without diacritics, a Korean word
/// and its stem, a reader's "a OR b"), the query taking every first alternative and the query taking
/// every second one, whose ranks are added. PostgreSQL's ts_rank weighs every pair of a query's words
/// against each other, so eight words joined in alternatives cost it about three times four words
/// twice; and the sum still ranks a text that matches both forms (the exact diacritics) higher.
/// </summary>
public static class RankingQueries
{
    public static IReadOnlyList<NpgsqlTsQuery> Of(NpgsqlTsQuery query)
    {
        // Only alternatives of single words are split: a Lao word's alternative, the phrase of its
        // bigrams, costs ts_rank more as a query of its own than inside the alternatives (measured).
        if (!HasAlternatives(query) || !OnlyWordAlternatives(query))
        {
            return [query];
        }

        var first = Choose(query, first: true);
        var second = Choose(query, first: false);
        return first.ToString() == second.ToString() ? [first] : [first, second];
    }

    /// <summary>
    /// For a query whose every alternative is a word as typed and the same word without diacritics
    /// (Vietnamese: <c>( 'đầu' | 'dau' ) &amp; …</c>), the query of the words without diacritics, which
    /// every match matches, and the query of the words as typed; else null. Such a search is ranked by
    /// the first, doubled where the second matches too: one ts_rank instead of two, and the exact
    /// diacritics still first.
    /// </summary>
    public static (NpgsqlTsQuery Folded, NpgsqlTsQuery Exact)? ByDiacritics(NpgsqlTsQuery query) =>
        HasAlternatives(query) && OnlyFoldedAlternatives(query) ? (Choose(query, first: false), Choose(query, first: true)) : null;

    /// <summary>
    /// The query ranked as the alternatives of its words when it has more than two (else itself): ts_rank
    /// weighs every pair of an AND or phrase query's words against each other over all their positions,
    /// so four words cost it three times what two do (7 ms against 2.5 ms over 300 Vietnamese texts), and
    /// Vietnamese words are syllables, so most Vietnamese searches have three or more. Every text ranked
    /// matches the whole query already; how often and where it holds the words then decides.
    /// </summary>
    public static NpgsqlTsQuery Affordable(NpgsqlTsQuery query)
    {
        var words = Positive(query).DistinctBy(w => (w.Text, w.Weights, w.IsPrefixSearch)).ToList();
        return words.Count <= 2 ? query : words.Select(w => (NpgsqlTsQuery)w).Aggregate((left, right) => new NpgsqlTsQueryOr(left, right));
    }

    private static IEnumerable<NpgsqlTsQueryLexeme> Positive(NpgsqlTsQuery query) => query switch
    {
        NpgsqlTsQueryLexeme word => [word],
        NpgsqlTsQueryNot => [],
        NpgsqlTsQueryBinOp binary => Positive(binary.Left).Concat(Positive(binary.Right)),
        _ => [],
    };

    private static bool OnlyFoldedAlternatives(NpgsqlTsQuery query) => query switch
    {
        NpgsqlTsQueryOr { Left: NpgsqlTsQueryLexeme exact, Right: NpgsqlTsQueryLexeme folded } =>
            !exact.IsPrefixSearch && !folded.IsPrefixSearch && string.Equals(Domain.Text.SearchText.Fold(exact.Text), folded.Text, StringComparison.Ordinal),
        NpgsqlTsQueryOr => false,
        NpgsqlTsQueryBinOp binary => OnlyFoldedAlternatives(binary.Left) && OnlyFoldedAlternatives(binary.Right),
        NpgsqlTsQueryNot not => OnlyFoldedAlternatives(not.Child),
        _ => true,
    };

    private static bool HasAlternatives(NpgsqlTsQuery query) => query switch
    {
        NpgsqlTsQueryOr => true,
        NpgsqlTsQueryBinOp binary => HasAlternatives(binary.Left) || HasAlternatives(binary.Right),
        NpgsqlTsQueryNot not => HasAlternatives(not.Child),
        _ => false,
    };

    private static bool OnlyWordAlternatives(NpgsqlTsQuery query) => query switch
    {
        NpgsqlTsQueryOr or => or.Left is NpgsqlTsQueryLexeme && or.Right is NpgsqlTsQueryLexeme,
        NpgsqlTsQueryBinOp binary => OnlyWordAlternatives(binary.Left) && OnlyWordAlternatives(binary.Right),
        NpgsqlTsQueryNot not => OnlyWordAlternatives(not.Child),
        _ => true,
    };

    private static NpgsqlTsQuery Choose(NpgsqlTsQuery query, bool first) => query switch
    {
        NpgsqlTsQueryOr or => Choose(first ? or.Left : or.Right, first),
        NpgsqlTsQueryAnd and => new NpgsqlTsQueryAnd(Choose(and.Left, first), Choose(and.Right, first)),
        NpgsqlTsQueryFollowedBy phrase => new NpgsqlTsQueryFollowedBy(Choose(phrase.Left, first), phrase.Distance, Choose(phrase.Right, first)),
        NpgsqlTsQueryNot not => new NpgsqlTsQueryNot(Choose(not.Child, first)),
        _ => query,
    };
}

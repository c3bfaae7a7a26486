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

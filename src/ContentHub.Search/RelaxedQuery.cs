using NpgsqlTypes;

namespace ContentHub.Search;

/// <summary>
/// A tsquery that matches at least what the given one matches, and that a GIN index answers alone:
/// phrases (word followed by word) become "all of the words". PostgreSQL must check a phrase against
/// each row's stored positions, reading its whole vector; the relaxed query lets it first choose
/// candidates from the index and small rows, and check the phrase only on as many as it needs.
/// A phrase under a NOT cannot be relaxed that way (the result would match less), so then the query
/// stays as it is.
/// </summary>
public static class RelaxedQuery
{
    public static NpgsqlTsQuery? Of(NpgsqlTsQuery? query) => query is null || PhraseUnderNot(query, underNot: false) ? query : Relax(query);

    /// <summary>True when the query checks word positions (has a phrase).</summary>
    public static bool HasPhrase(NpgsqlTsQuery? query) => query switch
    {
        NpgsqlTsQueryFollowedBy => true,
        NpgsqlTsQueryBinOp binary => HasPhrase(binary.Left) || HasPhrase(binary.Right),
        NpgsqlTsQueryNot not => HasPhrase(not.Child),
        _ => false,
    };

    private static NpgsqlTsQuery Relax(NpgsqlTsQuery query) => query switch
    {
        NpgsqlTsQueryFollowedBy phrase => new NpgsqlTsQueryAnd(Relax(phrase.Left), Relax(phrase.Right)),
        NpgsqlTsQueryAnd and => new NpgsqlTsQueryAnd(Relax(and.Left), Relax(and.Right)),
        NpgsqlTsQueryOr or => new NpgsqlTsQueryOr(Relax(or.Left), Relax(or.Right)),
        _ => query,
    };

    private static bool PhraseUnderNot(NpgsqlTsQuery query, bool underNot) => query switch
    {
        NpgsqlTsQueryFollowedBy phrase => underNot || PhraseUnderNot(phrase.Left, underNot) || PhraseUnderNot(phrase.Right, underNot),
        NpgsqlTsQueryBinOp binary => PhraseUnderNot(binary.Left, underNot) || PhraseUnderNot(binary.Right, underNot),
        NpgsqlTsQueryNot not => PhraseUnderNot(not.Child, underNot: true),
        _ => false,
    };
}

using ContentHub.Search;
using NpgsqlTypes;

namespace ContentHub.Api.Tests.Search;

/// <summary>
/// A search with alternatives is ranked by the query of its first alternatives plus that of its second
/// ones; a query of more than two words by the alternatives of its words.
/// </summary>
public sealed class RankingQueriesTests
{
    private static NpgsqlTsQueryLexeme L(string lexeme) => new NpgsqlTsQueryLexeme(lexeme);

    [Fact]
    public void A_query_without_alternatives_is_ranked_as_it_is()
    {
        var query = new NpgsqlTsQueryAnd(L("bac"), new NpgsqlTsQueryFollowedBy(L("giang"), 1, L("tinh")));
        Assert.Same(query, Assert.Single(RankingQueries.Of(query)));
    }

    [Fact]
    public void Vietnamese_syllables_with_and_without_diacritics_become_two_queries_keeping_order_and_phrases()
    {
        // "khu công nghiệp" as a phrase: 'khu' <-> ('công' | 'cong') <-> ('nghiệp' | 'nghiep')
        var query = new NpgsqlTsQueryFollowedBy(new NpgsqlTsQueryFollowedBy(L("khu"), 1, new NpgsqlTsQueryOr(L("công"), L("cong"))), 1, new NpgsqlTsQueryOr(L("nghiệp"), L("nghiep")));

        Assert.Equal(["( 'khu' <-> 'công' ) <-> 'nghiệp'", "( 'khu' <-> 'cong' ) <-> 'nghiep'"], RankingQueries.Of(query).Select(q => q.ToString()));
    }

    [Fact]
    public void Alternatives_that_lead_to_the_same_query_give_it_once()
    {
        var query = new NpgsqlTsQueryAnd(L("x1"), new NpgsqlTsQueryOr(L("2026"), L("2026")));
        Assert.Equal(["'x1' & '2026'"], RankingQueries.Of(query).Select(q => q.ToString()));
    }

    [Fact]
    public void Alternatives_of_phrases_are_ranked_as_they_are()
    {
        // A Lao word, or the phrase of its bigrams.
        var query = new NpgsqlTsQueryOr(L("ການລົງທຶນ"), new NpgsqlTsQueryFollowedBy(L("ການ"), 1, L("ລົງ")));
        Assert.Same(query, Assert.Single(RankingQueries.Of(query)));
    }

    [Fact]
    public void Vietnamese_diacritic_alternatives_are_ranked_by_the_folded_query_with_the_exact_one_as_a_bonus()
    {
        var query = new NpgsqlTsQueryAnd(new NpgsqlTsQueryOr(L("đầu"), L("dau")), new NpgsqlTsQueryOr(L("tư"), L("tu")));
        var (folded, exact) = RankingQueries.ByDiacritics(query)!.Value;
        Assert.Equal(("'dau' & 'tu'", "'đầu' & 'tư'"), (folded.ToString(), exact.ToString()));

        // A reader's OR, or a Korean word and its stem, are not diacritics.
        Assert.Null(RankingQueries.ByDiacritics(new NpgsqlTsQueryOr(L("bac"), L("giang"))));
        Assert.Null(RankingQueries.ByDiacritics(new NpgsqlTsQueryOr(L("투자를"), L("투자"))));
    }

    [Fact]
    public void A_query_of_more_than_two_words_is_ranked_by_its_words_as_alternatives_without_those_it_excludes()
    {
        // đầu tư hợp tác, not Hà Nội: 'dau' & 'tu' & 'hop' & 'tac' & !'ha'
        var query = new NpgsqlTsQueryAnd(new NpgsqlTsQueryAnd(new NpgsqlTsQueryAnd(L("dau"), L("tu")), new NpgsqlTsQueryAnd(L("hop"), L("tac"))), new NpgsqlTsQueryNot(L("ha")));
        var phrase = new NpgsqlTsQueryFollowedBy(new NpgsqlTsQueryFollowedBy(L("khu"), 1, L("cong")), 1, L("nghiep"));
        var two = new NpgsqlTsQueryFollowedBy(L("industri"), 1, L("park"));

        Assert.Equal("( ( 'dau' | 'tu' ) | 'hop' ) | 'tac'", RankingQueries.Affordable(query).ToString());
        Assert.Equal("( 'khu' | 'cong' ) | 'nghiep'", RankingQueries.Affordable(phrase).ToString());
        Assert.Same(two, RankingQueries.Affordable(two));
        Assert.Equal("( 'a' | 'b' ) | 'c'", RankingQueries.Affordable(new NpgsqlTsQueryAnd(new NpgsqlTsQueryAnd(L("a"), L("b")), new NpgsqlTsQueryAnd(L("a"), L("c")))).ToString());
    }
}

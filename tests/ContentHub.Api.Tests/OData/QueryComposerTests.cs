using ContentHub.Api.Features.OData;
using ContentHub.Domain.Publishing;
using ContentHub.OData;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Tests.OData;

/// <summary>The package's binder as ContentHub composes it, from OData's parse trees to EF Core LINQ: what SQL it leads to, and what it refuses.</summary>
public sealed class QueryComposerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("Title eq 'x''; DROP TABLE content_items; --'", "DROP TABLE")]
    [InlineData("contains(Title,'Robert''); DELETE FROM users; --')", "DELETE FROM")]
    [InlineData("Tags/any(t: t eq 'sentinel-tag')", "sentinel-tag")]
    [InlineData("Slug in ('sentinel-a','sentinel-b')", "sentinel-a")]
    [InlineData("DurationSeconds gt 4242", "4242")]
    [InlineData("Language eq 'ko' and AvailableLanguages/any(l: l eq 'zh-CN')", "zh-CN")]
    [InlineData("indexof(Title,'sentinel-index') eq 3", "sentinel-index")]
    [InlineData("concat(Title,'sentinel-concat') eq Slug", "sentinel-concat")]
    public async Task Values_in_a_filter_reach_postgresql_only_as_parameters(string filter, string literal)
    {
        await using var db = api.CreateDbContext();
        var query = Listings(db).Where(Binder(db).Filter(Parse(filter, filter.Contains("DurationSeconds", StringComparison.Ordinal) ? "Videos" : "Articles")));

        var sql = query.ToQueryString();

        Assert.DoesNotContain(literal, sql.Split("\n").Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)).Aggregate(string.Empty, (a, b) => a + b), StringComparison.Ordinal);
        Assert.Contains("@", sql, StringComparison.Ordinal);
        await query.ToListAsync();
    }

    [Theory]
    [InlineData("Title eq 'a' and (Summary ne null or year(PublishedAt) eq 2026)")]
    [InlineData("not startswith(tolower(Title),'bac') and length(Slug) add 1 gt 3")]
    [InlineData("Tags/all(t: endswith(t,'x')) or MachineTranslated eq false")]
    [InlineData("AssetType eq ContentHub.PromoAssetType'Banner' or RightsExpireOn lt 2027-01-01")]
    [InlineData("month(UpdatedAt) mod 2 eq 0 and day(ReviewedAt) ge 1")]
    [InlineData("Language in ('en','zh-CN') or AvailableLanguages/all(l: l ne 'lo')")]
    [InlineData("indexof(Title,'a') ge 0 and substring(Title,1) ne 'x' and substring(Title,0,2) eq 'Al' and concat(concat(Title,' '),Slug) ne ''")]
    [InlineData("second(PublishedAt) lt 60 and date(PublishedAt) le 2030-01-01 and PublishedAt lt now()")]
    [InlineData("fractionalseconds(PublishedAt) lt 1 and fractionalseconds(ReviewedAt) ge 0")]
    [InlineData("round(DurationSeconds) ge 1 and floor(DurationSeconds div 60) ge 1 and ceiling(DurationSeconds) le 9999")]
    public async Task Supported_expressions_translate_to_sql(string filter)
    {
        await using var db = api.CreateDbContext();
        var entitySet = filter.Contains("AssetType", StringComparison.Ordinal) ? "PromoAssets" : filter.Contains("DurationSeconds", StringComparison.Ordinal) ? "Videos" : "Articles";

        var filtered = Listings(db).Where(Binder(db).Filter(Parse(filter, entitySet)));

        // The condition reaches PostgreSQL (nothing is left to evaluate in memory), and PostgreSQL runs it.
        var unfiltered = WithoutParameters(Listings(db).ToQueryString());
        var sql = WithoutParameters(filtered.ToQueryString());
        Assert.StartsWith(unfiltered.Split("WHERE")[0].TrimEnd(), sql, StringComparison.Ordinal);
        Assert.True(sql.Length > unfiltered.Length + 10, sql);
        Assert.InRange((await filtered.ToListAsync()).Count, 0, await Listings(db).CountAsync());
    }

    [Theory]
    [InlineData("matchesPattern(Title,'^A')", "matchesPattern")]
    [InlineData("Category/Slug eq 'x'", "SingleNavigationNode")]
    public void Valid_but_unimplemented_constructs_are_501(string filter, string named)
    {
        using var db = api.CreateDbContext();
        var refused = Assert.Throws<ODataQueryException>(() => Binder(db).Filter(Parse(filter)));
        Assert.Equal(501, refused.Status);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Language eq 'klingon'", "klingon")]
    [InlineData("Language ne 'xx'", "xx")]
    [InlineData("Language in ('en','xx-nope')", "xx-nope")]
    public void Meaningless_comparisons_are_400(string filter, string named)
    {
        using var db = api.CreateDbContext();
        var refused = Assert.Throws<ODataQueryException>(() => Binder(db).Filter(Parse(filter)));
        Assert.Equal(400, refused.Status);
        Assert.Contains(named, refused.Message + refused.Target, StringComparison.Ordinal);
    }

    [Fact]
    public void Now_is_the_binders_clock()
    {
        using var db = api.CreateDbContext();
        var clock = new ManualClock(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var binder = new QueryComposer<Listing>(PortalModel.Instance, EntryMap.For(db.PublishedEntries)) { Clock = clock };

        var sql = Listings(db).Where(binder.Filter(Parse("PublishedAt lt now()"))).ToQueryString();

        Assert.Contains("2031-05-06", sql, StringComparison.Ordinal);
    }

    private static QueryComposer<Listing> Binder(Data.ContentHubDbContext db) => new(PortalModel.Instance, EntryMap.For(db.PublishedEntries));

    // Every entry with its item, as the portal queries pair them (without choosing a language).
    private static IQueryable<Listing> Listings(Data.ContentHubDbContext db) =>
        db.PublishedItems.SelectMany(i => db.PublishedEntries.Where(e => e.ItemId == i.ItemId), (i, e) => new Listing { Item = i, Entry = e });

    private static FilterClause Parse(string filter, string entitySet = "Articles")
    {
        var root = new Uri("http://localhost/odata/");
        var parser = new ODataUriParser(PortalModel.Instance, root, new Uri(root, $"{entitySet}?$filter={Uri.EscapeDataString(filter)}"));
        return parser.ParseFilter();
    }

    // ToQueryString lists the parameters' values as comment lines before the statement.
    private static string WithoutParameters(string sql) => string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
}

using ContentHub.Api.Features.OData;
using ContentHub.Domain.Publishing;
using ContentHub.OData;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Tests.OData;

/// <summary>The binder from OData's parse trees to EF Core LINQ: what SQL it leads to, and what it refuses.</summary>
public sealed class QueryBinderTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly QueryBinder<PublishedEntry> Binder = new(EntryMap.Instance);

    [Theory]
    [InlineData("Title eq 'x''; DROP TABLE content_items; --'", "DROP TABLE")]
    [InlineData("contains(Title,'Robert''); DELETE FROM users; --')", "DELETE FROM")]
    [InlineData("Tags/any(t: t eq 'sentinel-tag')", "sentinel-tag")]
    [InlineData("Slug in ('sentinel-a','sentinel-b')", "sentinel-a")]
    [InlineData("DurationSeconds gt 4242", "4242")]
    public async Task Values_in_a_filter_reach_postgresql_only_as_parameters(string filter, string literal)
    {
        await using var db = api.CreateDbContext();
        var query = db.PublishedEntries.Where(Binder.Filter(Parse(filter, filter.Contains("DurationSeconds", StringComparison.Ordinal) ? "Videos" : "Articles")));

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
    public async Task Supported_expressions_translate_to_sql(string filter)
    {
        await using var db = api.CreateDbContext();
        var entitySet = filter.Contains("AssetType", StringComparison.Ordinal) ? "PromoAssets" : filter.Contains("DurationSeconds", StringComparison.Ordinal) ? "Videos" : "Articles";

        var rows = await db.PublishedEntries.Where(Binder.Filter(Parse(filter, entitySet))).ToListAsync();

        Assert.NotNull(rows);
    }

    [Theory]
    [InlineData("indexof(Title,'a') eq 1", "indexof")]
    [InlineData("Language eq 'en'", "Language")]
    [InlineData("Category/Slug eq 'x'", "SingleNavigationNode")]
    public void Valid_but_unimplemented_constructs_are_501(string filter, string named)
    {
        var refused = Assert.Throws<ODataQueryException>(() => Binder.Filter(Parse(filter)));
        Assert.Equal(501, refused.Status);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    private static FilterClause Parse(string filter, string entitySet = "Articles")
    {
        var root = new Uri("http://localhost/odata/");
        var parser = new ODataUriParser(PortalModel.Instance, root, new Uri(root, $"{entitySet}?$filter={Uri.EscapeDataString(filter)}"));
        return parser.ParseFilter();
    }
}

using System.Net;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary>Server-driven paging while content keeps being published (its own fixture: it publishes).</summary>
public sealed class ODataPagingTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Newest_first_pages_stay_stable_when_something_is_published_between_them()
    {
        using var portal = api.PortalClient();
        var first = await TitlePages.PageAsync(portal, "/odata/Articles?$select=Title");
        Assert.Equal(2, first.Titles.Count);
        Assert.StartsWith("k", new Uri(first.Next!).Query.Split("skiptoken=")[1], StringComparison.Ordinal);

        // Published after the first page was read: with offsets, the second page would repeat an entry.
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var fresh = await api.Given.ArticleAsync("Newest");
        await Steps.PublishAsync(api.Client, reviewer, fresh.Id);

        var second = await TitlePages.PageAsync(portal, new Uri(first.Next!).PathAndQuery);
        Assert.Single(second.Titles);
        Assert.Empty(first.Titles.Intersect(second.Titles));
        Assert.Null(second.Next);
        Assert.Contains("Newest", (await TitlePages.PageAsync(portal, "/odata/Articles?$select=Title")).Titles);

        using var forged = await portal.GetAsync("/odata/Articles?$skiptoken=k999.zz");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

/// <summary>Server-driven paging under a client's $orderby (its own fixture: it publishes).</summary>
public sealed class ODataOrderedPagingTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Pages_in_a_clients_order_stay_stable_when_something_is_published_before_them()
    {
        using var portal = api.PortalClient();
        var first = await TitlePages.PageAsync(portal, "/odata/Articles?$orderby=Title&$select=Title");
        Assert.StartsWith("c", new Uri(first.Next!).Query.Split("skiptoken=")[1], StringComparison.Ordinal);

        // Sorts before everything read so far: with offsets, the next page would repeat the last title.
        await PublishAsync(new VariantRequest("Aaa, published meanwhile"));

        var rest = new List<string>();
        for (var next = first.Next; next is not null;)
        {
            var page = await TitlePages.PageAsync(portal, new Uri(next).PathAndQuery);
            rest.AddRange(page.Titles);
            next = page.Next;
        }

        Assert.Empty(first.Titles.Intersect(rest));
        Assert.DoesNotContain("Aaa, published meanwhile", rest);
        Assert.NotEmpty(rest);
    }

    [Theory]
    [InlineData("Summary,Title")]
    [InlineData("Summary desc,Title desc")]
    [InlineData("SeoDescription desc,PublishedAt")]
    [InlineData("CategoryId desc,Id")]
    [InlineData("length(Title),Title")]
    public async Task Paging_in_any_order_reads_every_entry_once_in_that_order(string orderBy)
    {
        await PublishAsync(new VariantRequest(Given.Unique("With lead"), Summary: "b lead", SeoDescription: "seo"));
        await PublishAsync(new VariantRequest(Given.Unique("Other lead"), Summary: "a lead"));
        using var portal = api.PortalClient();
        var whole = await TitlePages.PageAsync(portal, $"/odata/Articles?$orderby={orderBy}&$select=Title&$top=100", maxPageSize: 100);

        var paged = new List<string>();
        for (var next = $"/odata/Articles?$orderby={orderBy}&$select=Title"; next is not null;)
        {
            var page = await TitlePages.PageAsync(portal, next);
            paged.AddRange(page.Titles);
            next = page.Next is null ? null : new Uri(page.Next).PathAndQuery;
        }

        Assert.Equal(whole.Titles, paged);
    }

    private async Task PublishAsync(VariantRequest text)
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var item = await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with { Variant = text });
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
    }
}

/// <summary>Reads one page of titles with a maximum page size, checking that the preference was applied.</summary>
internal static class TitlePages
{
    public static async Task<(List<string> Titles, string? Next)> PageAsync(HttpClient client, string url, int maxPageSize = 2)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={maxPageSize}");
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal($"odata.maxpagesize={maxPageSize}", response.Headers.GetValues("Preference-Applied").Single());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var titles = json.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Title").GetString()!).ToList();
        return (titles, json.TryGetProperty("@nextLink", out var next) ? next.GetString() : null);
    }
}

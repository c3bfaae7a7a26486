using System.Net;
using System.Text.Json;
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
        var first = await PageAsync(portal, "/odata/Articles?$select=Title");
        Assert.Equal(2, first.Titles.Count);
        Assert.StartsWith("k", new Uri(first.Next!).Query.Split("skiptoken=")[1], StringComparison.Ordinal);

        // Published after the first page was read: with offsets, the second page would repeat an entry.
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var fresh = await api.Given.ArticleAsync("Newest");
        await Steps.TakeAsync(api.Client, fresh.Id, "submit");
        await Steps.TakeAsync(reviewer, fresh.Id, "approve");
        await Steps.TakeAsync(api.Client, fresh.Id, "publish");

        var second = await PageAsync(portal, new Uri(first.Next!).PathAndQuery);
        Assert.Single(second.Titles);
        Assert.Empty(first.Titles.Intersect(second.Titles));
        Assert.Null(second.Next);
        Assert.Contains("Newest", (await PageAsync(portal, "/odata/Articles?$select=Title")).Titles);

        using var forged = await portal.GetAsync("/odata/Articles?$skiptoken=k999.zz");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private static async Task<(List<string> Titles, string? Next)> PageAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=2");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("odata.maxpagesize=2", response.Headers.GetValues("Preference-Applied").Single());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var titles = json.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Title").GetString()!).ToList();
        return (titles, json.TryGetProperty("@nextLink", out var next) ? next.GetString() : null);
    }
}

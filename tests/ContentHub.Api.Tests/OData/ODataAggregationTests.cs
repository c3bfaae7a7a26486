using System.Net;
using System.Text.Json;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// <c>$apply</c> as portals use it (a category menu with counts, an archive by month, the longest
/// videos in total), through HTTP, compared with what the same portal's plain entries say.
/// </summary>
public sealed class ODataAggregationTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Counts_per_category_match_the_entries_the_portal_sees()
    {
        var entries = await ValuesAsync("/odata/Articles?$select=CategoryId,Language&$top=100");
        var expected = entries.GroupBy(e => e.GetProperty("CategoryId").GetGuid()).ToDictionary(g => g.Key, g => (long)g.Count());

        using var response = await GetAsync("/odata/Articles?$apply=groupby((CategoryId),aggregate($count as Count))");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("http://localhost/odata/$metadata#Articles(CategoryId,Count)", json.RootElement.GetProperty("@context").GetString());
        var counted = json.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.All(counted, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("@id").ValueKind));
        Assert.Equal(expected, counted.ToDictionary(c => c.GetProperty("CategoryId").GetGuid(), c => c.GetProperty("Count").GetInt64()));

        var vietnamese = await ValuesAsync("/odata/Articles?$apply=filter(Language eq 'VI')/groupby((Language),aggregate($count as Count))");
        Assert.Equal(entries.Count(e => e.GetProperty("Language").GetString() == "vi"), vietnamese.Single().GetProperty("Count").GetInt64());
    }

    [Fact]
    public async Task An_archive_counts_entries_per_month_of_publication()
    {
        var entries = await ValuesAsync("/odata/Articles?$select=PublishedAt&$top=100");
        var expected = entries.Select(e => DateTimeOffset.Parse(e.GetProperty("PublishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime())
            .GroupBy(t => (t.Year, t.Month)).OrderByDescending(g => g.Key).Select(g => $"{g.Key.Year}-{g.Key.Month}:{g.Count()}");

        var archive = await ValuesAsync("/odata/Articles?$apply=compute(year(PublishedAt) as Year,month(PublishedAt) as Month)/groupby((Year,Month),aggregate($count as Count))&$orderby=Year desc,Month desc");

        Assert.Equal(expected, archive.Select(a => $"{a.GetProperty("Year").GetInt32()}-{a.GetProperty("Month").GetInt32()}:{a.GetProperty("Count").GetInt64()}"));
    }

    [Fact]
    public async Task Results_can_be_filtered_ordered_and_paged_after_grouping()
    {
        var languages = await ValuesAsync("/odata/Articles?$apply=groupby((Language),aggregate($count as Count,PublishedAt with max as Latest))&$orderby=Count desc,Language&$top=1");
        var top = Assert.Single(languages);
        Assert.Equal("vi", top.GetProperty("Language").GetString());
        Assert.Equal(2, top.GetProperty("Count").GetInt64());

        var several = await ValuesAsync("/odata/Articles?$apply=groupby((Language),aggregate($count as Count))&$filter=Count gt 1");
        Assert.Equal(["vi"], several.Select(s => s.GetProperty("Language").GetString()));

        var nothing = await ValuesAsync("/odata/Articles?$apply=filter(Title eq 'no such title')/aggregate($count as Count,Id with countdistinct as Items)");
        Assert.Equal((0, 0), (nothing.Single().GetProperty("Count").GetInt64(), nothing.Single().GetProperty("Items").GetInt64()));

        var videos = await ValuesAsync("/odata/Videos?$apply=aggregate(DurationSeconds with sum as Total,DurationSeconds with max as Longest)");
        var durations = (await ValuesAsync("/odata/Videos?$select=DurationSeconds")).Select(v => v.GetProperty("DurationSeconds").GetInt64()).ToList();
        Assert.Equal((durations.Sum(), durations.Max()), (videos.Single().GetProperty("Total").GetInt64(), videos.Single().GetProperty("Longest").GetInt64()));
    }

    [Fact]
    public async Task Metadata_levels_and_versions_shape_the_results_as_they_do_entries()
    {
        using var none = await GetAsync("/odata/Articles?$apply=aggregate($count as Count)", "application/json;odata.metadata=none");
        var bare = await none.Content.ReadAsStringAsync();
        Assert.Equal("""{"value":[{"Count":3}]}""", bare);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Articles?$apply=aggregate($count as Count)");
        request.Headers.Add("OData-MaxVersion", "4.0");
        using var old = await api.PortalClient().SendAsync(request);
        using var json = JsonDocument.Parse(await old.Content.ReadAsStringAsync());
        Assert.Equal("4.0", old.Headers.GetValues("OData-Version").Single());
        Assert.True(json.RootElement.TryGetProperty("@odata.context", out _));
    }

    [Theory]
    [InlineData("$apply=groupby((CategoryId))&$select=CategoryId", HttpStatusCode.NotImplemented, "NotImplemented")]
    [InlineData("$apply=groupby((CategoryId))&$search=giang", HttpStatusCode.NotImplemented, "NotImplemented")]
    [InlineData("$apply=groupby((Category/Name))", HttpStatusCode.NotImplemented, "NotImplemented")]
    [InlineData("$apply=groupby((Tags))", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("$apply=groupby((Nope))", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("$apply=aggregate(Title with sum as S)", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("$apply=frobnicate()", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("$apply=filter(Language eq 'klingon')/aggregate($count as C)", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("$apply=groupby((CategoryId),aggregate($count as Count))&$top=101", HttpStatusCode.BadRequest, "QueryLimitExceeded")]
    public async Task Apply_that_cannot_be_answered_gets_the_odata_error_format(string query, HttpStatusCode status, string code)
    {
        using var response = await GetAsync("/odata/Articles?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{query}: {(int)response.StatusCode} {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await api.PortalClient().SendAsync(request);
    }

    private async Task<List<JsonElement>> ValuesAsync(string url)
    {
        using var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

using System.Net;
using System.Text.Json;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary><c>$compute</c> through HTTP: computed properties are answered when selected, and can be filtered, ordered and paged by.</summary>
public sealed class ODataComputeTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Computed_properties_are_answered_when_selected_and_order_the_page()
    {
        var entries = await ValuesAsync("/odata/Articles?$select=Title,PublishedAt");
        var expected = entries.Select(e => e.GetProperty("Title").GetString()!)
            .OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Select(t => $"{t}:{t.Length}:{t.ToUpperInvariant()}");

        var computed = await ValuesAsync("/odata/Articles?$compute=length(Title) as Letters,toupper(Title) as Shout&$select=Title,Letters,Shout&$orderby=Letters desc,Title");

        Assert.Equal(expected, computed.Select(c => $"{c.GetProperty("Title").GetString()}:{c.GetProperty("Letters").GetInt32()}:{c.GetProperty("Shout").GetString()}"));
        var unselected = await ValuesAsync("/odata/Articles?$compute=length(Title) as Letters&$select=Title");
        Assert.All(unselected, u => Assert.False(u.TryGetProperty("Letters", out _)));
    }

    [Fact]
    public async Task Computed_properties_filter_and_page_like_declared_ones()
    {
        var all = await ValuesAsync("/odata/Articles?$select=Title");
        var expected = all.Select(e => e.GetProperty("Title").GetString()!).Where(t => t.Length > 7).Order(StringComparer.Ordinal).ToList();

        var seen = new List<string>();
        string? next = "/odata/Articles?$compute=length(Title) as Letters,year(PublishedAt) as Year&$filter=Letters gt 7 and Year ge 2026&$orderby=Title&$select=Title,Year";
        for (var page = 0; next is not null && page < 10; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", "odata.maxpagesize=1");
            using var response = await api.PortalClient().SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using var json = JsonDocument.Parse(body);
            seen.AddRange(json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Title").GetString()!));
            next = json.RootElement.TryGetProperty("@nextLink", out var link) ? link.GetString() : null;
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Fractional_seconds_are_the_microseconds_postgresql_keeps()
    {
        var rows = await ValuesAsync("/odata/Articles?$compute=fractionalseconds(PublishedAt) as Fraction&$filter=fractionalseconds(PublishedAt) lt 1&$select=PublishedAt,Fraction");

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var published = DateTimeOffset.Parse(row.GetProperty("PublishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((published.UtcTicks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond, Math.Round(row.GetProperty("Fraction").GetDecimal(), 6));
        }
    }

    [Theory]
    [InlineData("$compute=Title as Title&$select=Title")]
    [InlineData("$compute=length(Title) as X,length(Slug) as X")]
    [InlineData("$compute=length(Title)")]
    [InlineData("$compute=nope(Title) as N")]
    [InlineData("$compute=Title add 1 as N")]
    public async Task Malformed_compute_is_a_400_in_the_odata_error_format(string query)
    {
        using var response = await api.PortalClient().GetAsync("/odata/Articles?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
        Assert.Equal("BadRequest", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private async Task<List<JsonElement>> ValuesAsync(string url)
    {
        using var response = await api.PortalClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

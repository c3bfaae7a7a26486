using System.Net;
using System.Text.Json;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary>Points of the OData 4.01 Intermediate conformance level that the other tests do not already show.</summary>
public sealed class ODataConformanceTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Parameter_aliases_are_resolved()
    {
        var value = await ValueAsync("/odata/Articles?$filter=startswith(Title,@prefix)&@prefix='Beta'");
        Assert.Equal("Beta vi", Assert.Single(value.EnumerateArray()).GetProperty("Title").GetString());
    }

    [Fact]
    public async Task Ordering_takes_several_keys()
    {
        var value = await ValueAsync("/odata/Articles?lang=vi&$orderby=CategoryId asc,Title desc&$select=Title");
        Assert.Equal(["Gamma vi", "Beta vi", "Alpha vi"], value.EnumerateArray().Select(e => e.GetProperty("Title").GetString()));
    }

    [Theory]
    [InlineData("none", false, false)]
    [InlineData("minimal", true, false)]
    [InlineData("full", true, true)]
    public async Task The_metadata_level_follows_accept(string level, bool context, bool ids)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Articles?$top=1");
        request.Headers.Accept.ParseAdd($"application/json;odata.metadata={level}");
        using var response = await api.PortalClient().SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(context, body.TryGetProperty("@context", out _));
        Assert.Equal(ids, body.GetProperty("value")[0].TryGetProperty("@id", out _));
        Assert.Contains($"odata.metadata={level}", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_capped_at_4_0_gets_4_0_payloads()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Articles?$top=1&$count=true");
        request.Headers.Add("OData-MaxVersion", "4.0");
        using var response = await api.PortalClient().SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        Assert.True(body.TryGetProperty("@odata.context", out _));
        Assert.True(body.TryGetProperty("@odata.count", out _));
    }

    [Fact]
    public async Task An_alias_without_a_value_is_a_bad_request()
    {
        using var response = await api.PortalClient().GetAsync("/odata/Articles?$filter=Title eq @missing");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> ValueAsync(string url)
    {
        using var response = await api.PortalClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("value").Clone();
    }
}

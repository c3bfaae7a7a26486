using System.Net;
using System.Text.Json;

namespace ContentHub.Api.Tests.Search;

/// <summary>The search routes as tests call them: the answer as JSON (asserting a 200), or the ids a portal's search finds.</summary>
public static class SearchHttp
{
    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<List<Guid>> PortalIdsAsync(HttpClient client, string portal, string language, string q, int pageSize = 20)
    {
        var page = await GetAsync(client, $"/api/v1/portal/search?portal={portal}&language={Uri.EscapeDataString(language)}&pageSize={pageSize}&q={Uri.EscapeDataString(q)}");
        return page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ToList();
    }
}

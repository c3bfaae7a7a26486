using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Domain.Content;
using ContentHub.Domain.Taxonomy;

namespace ContentHub.Testing;

/// <summary>
/// Builds test data through the public API, with defaults for everything a test does not care about.
/// Keys and titles carry a random part, so tests sharing a database never collide.
/// </summary>
public sealed class Given(HttpClient client)
{
    private CategoryResponse? _category;
    private OrgUnitResponse? _unit;

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<CategoryResponse> CategoryAsync(string? slug = null, Guid? parentId = null)
    {
        var request = new CategoryRequest(slug ?? Unique("category"), new Dictionary<string, string> { ["vi"] = "Du lịch", ["en"] = "Tourism" }, parentId);
        return await SendAsync<CategoryResponse>(client.PostAsJsonAsync("/api/v1/categories", request, TestJson.Options)).ConfigureAwait(false);
    }

    public async Task<OrgUnitResponse> OrgUnitAsync(string? code = null)
    {
        var request = new OrgUnitRequest(code ?? Unique("unit"), OrgUnitType.Department, new Dictionary<string, string> { ["vi"] = "Sở Ngoại vụ", ["en"] = "Department of Foreign Affairs" });
        return await SendAsync<OrgUnitResponse>(client.PostAsJsonAsync("/api/v1/org-units", request, TestJson.Options)).ConfigureAwait(false);
    }

    /// <summary>A request for a new article in Vietnamese, filed under this builder's default category and unit.</summary>
    public async Task<CreateItemRequest> ArticleRequestAsync(string? title = null, string body = "Nội dung bài viết.", string language = "vi", string? slug = null)
    {
        _category ??= await CategoryAsync().ConfigureAwait(false);
        _unit ??= await OrgUnitAsync().ConfigureAwait(false);
        return new CreateItemRequest(ContentKind.Article, language, _unit.Id, _category.Id, new VariantRequest(title ?? Unique("Bài viết"), body, Slug: slug));
    }

    public async Task<ItemResponse> ItemAsync(CreateItemRequest request) =>
        await SendAsync<ItemResponse>(client.PostAsJsonAsync("/api/v1/items", request, TestJson.Options)).ConfigureAwait(false);

    public async Task<ItemResponse> ArticleAsync(string? title = null, string body = "Nội dung bài viết.", string language = "vi") =>
        await ItemAsync(await ArticleRequestAsync(title, body, language).ConfigureAwait(false)).ConfigureAwait(false);

    public async Task<VariantResponse> VariantAsync(Guid itemId, string language, string title, string body = "Body.")
    {
        var response = await client.PutAsJsonAsync($"/api/v1/items/{itemId}/variants/{language}", new VariantRequest(title, body), TestJson.Options).ConfigureAwait(false);
        return await SendAsync<VariantResponse>(Task.FromResult(response)).ConfigureAwait(false);
    }

    public async Task<PortalResponse> PortalAsync(PortalRequest request) =>
        await SendAsync<PortalResponse>(client.PostAsJsonAsync("/api/v1/portals", request, TestJson.Options)).ConfigureAwait(false);

    /// <summary>A new API key of the portal; its secret is in <see cref="IssuedApiKeyResponse.Key"/>.</summary>
    public async Task<IssuedApiKeyResponse> KeyAsync(Guid portalId, string? label = "tests") =>
        await SendAsync<IssuedApiKeyResponse>(client.PostAsJsonAsync($"/api/v1/portals/{portalId}/keys", new ApiKeyRequest(label), TestJson.Options)).ConfigureAwait(false);

    private static async Task<T> SendAsync<T>(Task<HttpResponseMessage> request)
    {
        using var response = await request.ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"Setting up test data failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options).ConfigureAwait(false))!;
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Domain.Content;
using ContentHub.Domain.Taxonomy;
using ContentHub.Testing;

namespace ContentHub.Benchmarks;

/// <summary>Loads the corpus through the service's own REST API, as an editor, a translator and a reviewer would, and publishes it.</summary>
public sealed class Importer(HttpClient admin, HttpClient reviewer, Corpus corpus)
{
    public async Task<List<Guid>> CategoriesAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/categories",
                new CategoryRequest($"bench-{i}", new Dictionary<string, string> { ["vi"] = $"Chuyên mục {i}", ["en"] = $"Section {i}" }), TestJson.Options);
            ids.Add((await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CategoryResponse>(TestJson.Options))!.Id);
        }

        return ids;
    }

    public async Task<Guid> UnitAsync()
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/org-units", new OrgUnitRequest("bench-unit", OrgUnitType.Department, new Dictionary<string, string> { ["vi"] = "Sở Thông tin và Truyền thông" }), TestJson.Options);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<OrgUnitResponse>(TestJson.Options))!.Id;
    }

    /// <summary>Imports and publishes articles [0, count) with <paramref name="parallelism"/> requests in flight; reports progress.</summary>
    public async Task ArticlesAsync(int count, Guid unit, IReadOnlyList<Guid> categories, int parallelism, Action<int> progress)
    {
        var done = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (index, cancellationToken) =>
        {
            var (title, body) = corpus.Article(index, "vi");
            var request = new CreateItemRequest(ContentKind.Article, "vi", unit, categories[index % categories.Count], new VariantRequest(title, body), ["benchmark"]);
            using var created = await admin.PostAsJsonAsync("/api/v1/items", request, TestJson.Options, cancellationToken);
            var item = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options, cancellationToken))!;
            foreach (var language in Corpus.Languages.Skip(1))
            {
                var (t, b) = corpus.Article(index, language);
                using var put = await admin.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/{language}", new VariantRequest(t, b), TestJson.Options, cancellationToken);
                put.EnsureSuccessStatusCode();
            }

            await StepAsync(admin, item.Id, "submit", cancellationToken);
            await StepAsync(reviewer, item.Id, "approve", cancellationToken);
            await StepAsync(admin, item.Id, "publish", cancellationToken);
            var finished = Interlocked.Increment(ref done);
            if (finished % 500 == 0 || finished <= 3)
            {
                progress(finished);
            }
        });
    }

    private static async Task StepAsync(HttpClient client, Guid id, string action, CancellationToken cancellationToken)
    {
        using var read = await client.GetAsync($"/api/v1/items/{id}", cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{id}/workflow/{action}") { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static HttpClient Client(Uri address, string? token = null, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        return client;
    }
}

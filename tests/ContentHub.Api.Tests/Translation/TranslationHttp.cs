using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Translation;
using ContentHub.Testing;
using Xunit;

namespace ContentHub.Api.Tests.Translation;

/// <summary>Translation steps through HTTP, as translators and reviewers take them.</summary>
internal static class TranslationHttp
{
    public static async Task<TranslationJobResponse> MachineAsync(HttpClient client, Guid itemId, params string[] languages)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/items/{itemId}/translations/machine", new MachineDraftRequest(languages.Length == 0 ? null : languages), TestJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TranslationJobResponse>(TestJson.Options))!;
    }

    /// <summary>Waits for the worker to finish the job (it is woken at once; the poll is a fallback).</summary>
    public static async Task<TranslationJobResponse> FinishedAsync(HttpClient client, long jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = (await client.GetFromJsonAsync<TranslationJobResponse>($"/api/v1/translation/jobs/{jobId}", TestJson.Options))!;
            if (job.State is not ("Queued" or "Running") || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<ItemTranslationsResponse> StatesAsync(HttpClient client, Guid itemId) =>
        (await client.GetFromJsonAsync<ItemTranslationsResponse>($"/api/v1/items/{itemId}/translations", TestJson.Options))!;

    public static async Task<VariantResponse> VariantAsync(HttpClient client, Guid itemId, string language) =>
        (await client.GetFromJsonAsync<VariantResponse>($"/api/v1/items/{itemId}/variants/{language}", TestJson.Options))!;

    /// <summary>Replaces a variant's text with the ETag just read.</summary>
    public static async Task WriteAsync(HttpClient client, Guid itemId, string language, VariantRequest text)
    {
        var etag = (await client.GetAsync($"/api/v1/items/{itemId}/variants/{language}")).Headers.ETag?.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{itemId}/variants/{language}") { Content = JsonContent.Create(text, options: TestJson.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid itemId, string language, string step, object body)
    {
        var etag = (await client.GetAsync($"/api/v1/items/{itemId}/variants/{language}")).Headers.ETag?.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{itemId}/translations/{language}/{step}") { Content = JsonContent.Create(body, options: TestJson.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}

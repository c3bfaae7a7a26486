using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Workflow;
using Xunit;

namespace ContentHub.Testing;

/// <summary>Workflow steps through HTTP, as a person takes them.</summary>
public static class Steps
{
    /// <summary>Takes a step with the item's current ETag and returns the raw response.</summary>
    public static async Task<HttpResponseMessage> TryAsync(HttpClient client, Guid itemId, string action, WorkflowRequest? body = null, string? etag = null)
    {
        etag ??= (await client.GetAsync($"/api/v1/items/{itemId}").ConfigureAwait(false)).Headers.ETag?.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{itemId}/workflow/{action}")
        {
            Content = JsonContent.Create(body ?? new WorkflowRequest(), options: TestJson.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Takes a step that must succeed, and returns the item after it.</summary>
    public static async Task<ItemResponse> TakeAsync(HttpClient client, Guid itemId, string action, WorkflowRequest? body = null)
    {
        using var response = await TryAsync(client, itemId, action, body).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<ItemResponse>(text, TestJson.Options)!;
    }

    /// <summary>Submits, approves (as <paramref name="reviewer"/>) and publishes an item: the way to a published item.</summary>
    public static async Task PublishAsync(HttpClient editor, HttpClient reviewer, Guid itemId)
    {
        await TakeAsync(editor, itemId, "submit").ConfigureAwait(false);
        await TakeAsync(reviewer, itemId, "approve").ConfigureAwait(false);
        await TakeAsync(editor, itemId, "publish").ConfigureAwait(false);
    }

    /// <summary>Takes a step on one language (approve, sign-off, withdraw) with the variant's current ETag.</summary>
    public static async Task<HttpResponseMessage> TryLanguageAsync(HttpClient client, Guid itemId, string language, string step)
    {
        var etag = (await client.GetAsync($"/api/v1/items/{itemId}/variants/{language}").ConfigureAwait(false)).Headers.ETag?.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{itemId}/variants/{language}/{step}");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request).ConfigureAwait(false);
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentHub.Testing;

/// <summary>
/// Azure AI Translator's Text API v3 <c>POST /translate</c> on loopback, as its specification
/// (../shared/specs/azure-translator) and service limits describe it: api-version 3.0, the key
/// header, known languages, at most 1,000 elements and 50,000 characters (counted per target
/// language), errors as <c>{"error":{"code","message"}}</c>. A "translation" is the text with
/// <c>⟨lang⟩</c> in front, markup untouched. Tests can script a 429 with Retry-After or a malformed answer.
/// </summary>
public sealed class FakeTranslator : IAsyncDisposable
{
    public const string Key = "fake-translator-key-7f3a9c";
    private static readonly HashSet<string> Languages = ["vi", "en", "zh-Hans", "ko", "ja", "lo"];

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _scripted = new();
    private WebApplication? _app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Every request that reached the server, scripted answers included.</summary>
    public ConcurrentQueue<TranslatorCall> Calls { get; } = new();

    /// <summary>The calls answered with translations.</summary>
    public IEnumerable<TranslatorCall> Translated => Calls.Where(c => c.Status == 200);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/translate", TranslateAsync);
        await _app.StartAsync().ConfigureAwait(false);
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>The next request gets 429 with Retry-After: <paramref name="seconds"/>.</summary>
    public void ThrottleNext(int seconds = 1) => _scripted.Enqueue(async http =>
    {
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Error(http, 429, 429001, "The server rejected the request because the client has exceeded request limits.").ConfigureAwait(false);
    });

    /// <summary>The next request is answered with one result too few.</summary>
    public void MalformNext() => _scripted.Enqueue(async http =>
    {
        var (status, body) = await Answer(http).ConfigureAwait(false);
        if (body is JsonArray { Count: > 0 } results)
        {
            results.RemoveAt(results.Count - 1);
        }

        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(body).ConfigureAwait(false);
    });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task TranslateAsync(HttpContext http)
    {
        if (_scripted.TryDequeue(out var scripted))
        {
            await scripted(http).ConfigureAwait(false);
            Record(http, null);
            return;
        }

        var (status, body) = await Answer(http).ConfigureAwait(false);
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(body).ConfigureAwait(false);
        Record(http, body as JsonArray);
    }

    private void Record(HttpContext http, JsonArray? results) => Calls.Enqueue(new TranslatorCall(
        http.Response.StatusCode,
        http.Request.QueryString.Value ?? string.Empty,
        [.. http.Request.Query["to"].OfType<string>()],
        http.Request.Headers["X-ClientTraceId"].ToString(),
        http.Request.Headers["Ocp-Apim-Subscription-Region"].ToString(),
        http.Items["texts"] as List<string> ?? [],
        results?.Count ?? 0));

    // The answer the specification describes for this request: translations, or the documented error.
    private static async Task<(int Status, JsonNode Body)> Answer(HttpContext http)
    {
        var query = http.Request.Query;
        JsonNode body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body).ConfigureAwait(false) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return (400, ErrorBody(400074, "The body of the request is not valid JSON."));
        }

        var texts = body is JsonArray elements ? elements.Select(e => e?["Text"]?.GetValue<string>()).ToList() : null;
        http.Items["texts"] = texts?.OfType<string>().ToList();
        var targets = query["to"].OfType<string>().ToList();
        if (query["api-version"] != "3.0")
        {
            return (400, ErrorBody(400021, "The API version parameter is missing or invalid."));
        }

        if (http.Request.Headers["Ocp-Apim-Subscription-Key"] != Key)
        {
            return (401, ErrorBody(401000, "The request is not authorized because credentials are missing or invalid."));
        }

        if (targets.Count == 0 || targets.Any(t => !Languages.Contains(t)) || (query["from"].Count > 0 && !Languages.Contains(query["from"]!)))
        {
            return (400, ErrorBody(400036, "The target language is not valid."));
        }

        if (texts is null || texts.Any(t => t is null))
        {
            return (400, ErrorBody(400074, "The body of the request is not valid JSON."));
        }

        if (texts.Count > 1000)
        {
            return (400, ErrorBody(400077, "The maximum request size has been exceeded."));
        }

        if (texts.Sum(t => t!.Length) * targets.Count > 50_000)
        {
            return (400, ErrorBody(400050, "The input text is too long."));
        }

        var results = new JsonArray();
        foreach (var text in texts)
        {
            var translations = new JsonArray();
            foreach (var target in targets)
            {
                translations.Add(new JsonObject { ["text"] = $"⟨{target}⟩{text}", ["to"] = target });
            }

            results.Add(new JsonObject { ["translations"] = translations });
        }

        return (200, results);
    }

    private static async Task Error(HttpContext http, int status, int code, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(ErrorBody(code, message)).ConfigureAwait(false);
    }

    private static JsonObject ErrorBody(int code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}

/// <summary>One request the fake translator received.</summary>
public sealed record TranslatorCall(int Status, string Query, IReadOnlyList<string> To, string TraceId, string Region, IReadOnlyList<string> Texts, int Results);

using System.Text.Json;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Http;
using ContentHub.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// <c>POST /odata/$batch</c> in the JSON batch format (OData JSON Format 4.01 §19): a portal's home page
/// asks for its news, videos and banners in one round trip. Each request is answered exactly as it
/// would be on its own — the same query checks, the same handlers, its own database scope, and the
/// batch's authorization (a request's own <c>X-Api-Key</c> or <c>Authorization</c> header is ignored,
/// so one request cannot borrow another portal's key). The service is read-only, so only GET requests
/// are answered; others get a 405 of their own. Every answer is buffered, so a failure in one request is
/// that request's error and never a half-written batch.
/// </summary>
public static class ODataBatch
{
    public const int MaxRequests = 20;
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonDocumentOptions Reading = new() { MaxDepth = 8 };
    private static readonly JsonWriterOptions Writing = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Headers a request in the batch takes from the batch request, not from itself.
    private static readonly HashSet<string> BatchOwned = new(StringComparer.OrdinalIgnoreCase)
    {
        ApiKeyHandler.Header, HeaderNames.Authorization, HeaderNames.Cookie, HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.Host,
    };

    // What the query-text check and the exception handler read to answer a batched request in the OData error format.
    private static readonly Endpoint PartEndpoint = new(null, new EndpointMetadataCollection(new ErrorFormat(ODataErrors.WriteAsync)), "OData batch request");

    public static async Task HandleAsync(HttpContext http, IServiceScopeFactory scopes)
    {
        var requests = await ReadAsync(http);
        if (requests is null)
        {
            return;
        }

        using var buffer = new PooledBufferWriter(4096);
        using (var json = new Utf8JsonWriter(buffer, Writing))
        {
            json.WriteStartObject();
            json.WriteStartArray("responses");
            foreach (var request in requests)
            {
                WriteResponse(json, request.Id, await AnswerAsync(http, scopes, request));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        http.Response.ContentType = "application/json";
        http.Response.Headers["OData-Version"] = "4.01";
        http.Response.ContentLength = buffer.WrittenMemory.Length;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    /// <summary>One answer: status, the headers a client needs, and the body as sent.</summary>
    private sealed record BatchAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string? ContentType, byte[] Body);

    // The batch's requests, or null when the batch itself is refused (the error is written).
    private static async Task<List<BatchReader.Request>?> ReadAsync(HttpContext http)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ? type.MediaType.Value : null;
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ODataErrors.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                "Send the batch as application/json, in OData's JSON batch format; the multipart format is not served.");
            return null;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await ODataErrors.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "QueryLimitExceeded", $"A batch is at most {MaxBodyBytes / 1024} KB.");
            return null;
        }

        using var body = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
            {
                await ODataErrors.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "QueryLimitExceeded", $"A batch is at most {MaxBodyBytes / 1024} KB.");
                return null;
            }

            body.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), Reading);
            return BatchReader.Read(document.RootElement);
        }
        catch (JsonException invalid)
        {
            await ODataErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "BadRequest", "The batch is not valid JSON: " + invalid.Message, "requests");
            return null;
        }
        catch (BatchReader.InvalidBatchException invalid)
        {
            await ODataErrors.WriteAsync(http, StatusCodes.Status400BadRequest, invalid.Code, invalid.Message, invalid.Target);
            return null;
        }
    }

    // A request answered as it would be on its own, in a context of its own.
    private static async Task<BatchAnswer> AnswerAsync(HttpContext batch, IServiceScopeFactory scopes, BatchReader.Request request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return Error(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "The OData service is read-only: a batch may hold GET requests only.");
        }

        if (!BatchReader.TryResolve(request.Url, out var path, out var query))
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest", "The url must name a resource of this service: relative to /odata/, or absolute under it.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = batch.Request.Scheme;
        http.Request.Host = batch.Request.Host;
        http.Request.PathBase = batch.Request.PathBase;
        http.Request.Path = path;
        http.Request.QueryString = query;
        foreach (var (name, value) in batch.Request.Headers.Where(h => BatchOwned.Contains(h.Key) && !IsBodyHeader(h.Key)))
        {
            http.Request.Headers[name] = value;
        }

        foreach (var (name, value) in request.Headers.Where(h => !BatchOwned.Contains(h.Key)))
        {
            http.Request.Headers.Append(name, value);
        }

        http.RequestAborted = batch.RequestAborted;
        http.Connection.RemoteIpAddress = batch.Connection.RemoteIpAddress;
        using var body = new MemoryStream();
        http.Response.Body = body;
        http.SetEndpoint(PartEndpoint);
        try
        {
            await new QueryTextMiddleware(Dispatch).InvokeAsync(http);
        }
        catch (Exception failed) when (!batch.RequestAborted.IsCancellationRequested)
        {
            // The exception handler the pipeline uses: 503 for an outage, 500 (logged) for a fault, in the OData error format.
            body.SetLength(0);
            foreach (var handler in scope.ServiceProvider.GetServices<IExceptionHandler>())
            {
                if (await handler.TryHandleAsync(http, failed, batch.RequestAborted))
                {
                    break;
                }
            }
        }

        var headers = http.Response.Headers
            .Where(h => h.Key is "ETag" or "Content-Language" or "OData-Version" or "Preference-Applied" or "Retry-After" or "Vary")
            .Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), h.Value.ToString()))
            .ToList();
        return new BatchAnswer(http.Response.StatusCode, headers, http.Response.ContentType, body.ToArray());
    }

    private static bool IsBodyHeader(string name) =>
        name.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase) || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase);

    // The routes of /odata, as ODataEndpoints maps them; a batch inside a batch is refused.
    private static Task Dispatch(HttpContext http)
    {
        var services = http.RequestServices;
        var resource = http.Request.Path.Value!["/odata/".Length..];
        return resource switch
        {
            "" => ODataEndpoints.ServiceDocumentAsync(http),
            "$metadata" => ODataEndpoints.MetadataAsync(http),
            "$batch" => ODataErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "BadRequest", "A batch cannot hold another batch."),
            _ => ODataQueryEndpoint.HandleAsync(http, services.GetRequiredService<PortalDirectory>(), services.GetRequiredService<PortalAnswerCache>()),
        };
    }

    private static BatchAnswer Error(int status, string code, string message) =>
        new(status, [KeyValuePair.Create("odata-version", "4.01")], "application/json; charset=utf-8",
            JsonSerializer.SerializeToUtf8Bytes(new { error = new { code, message } }));

    // {"id","status","headers","body"}: a JSON body as JSON, text as a string, anything else base64url.
    private static void WriteResponse(Utf8JsonWriter json, string id, BatchAnswer answer)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteNumber("status", answer.Status);
        json.WriteStartObject("headers");
        if (answer.ContentType is { } contentType)
        {
            json.WriteString("content-type", contentType);
        }

        foreach (var (name, value) in answer.Headers)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        if (answer.Body.Length > 0)
        {
            json.WritePropertyName("body");
            var mediaType = MediaTypeHeaderValue.TryParse(answer.ContentType, out var type) ? type.MediaType.Value ?? string.Empty : string.Empty;
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                json.WriteRawValue(answer.Body, skipInputValidation: true);
            }
            else if (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase))
            {
                json.WriteStringValue(System.Text.Encoding.UTF8.GetString(answer.Body));
            }
            else
            {
                json.WriteStringValue(Convert.ToBase64String(answer.Body).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            }
        }

        json.WriteEndObject();
    }
}

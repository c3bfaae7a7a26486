using System.Text.Json;
using ContentHub.Api.Http;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Reads and checks a JSON batch (OData JSON Format 4.01 §19.1): <c>{"requests":[{"id","method","url",
/// "headers","dependsOn","atomicityGroup"}]}</c>. Anything malformed refuses the whole batch, naming
/// the request and member, before any request is answered.
/// </summary>
public static class BatchReader
{
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal) { "id", "method", "url", "headers", "body", "dependsOn", "atomicityGroup", "if" };

    /// <summary>A batch the service cannot read; the whole batch is answered with this 400.</summary>
    public sealed class InvalidBatchException(string message, string target, string code = "BadRequest") : Exception(message)
    {
        public string Target { get; } = target;

        public string Code { get; } = code;
    }

    /// <summary>One request of a batch, as read and checked.</summary>
    public sealed record Request(string Id, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers);

    /// <summary>The batch's requests, in order; an <see cref="InvalidBatchException"/> for anything malformed.</summary>
    public static List<Request> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidBatchException("A batch is an object with a \"requests\" array.", "requests");
        }

        if (requests.GetArrayLength() is 0 or > ODataBatch.MaxRequests)
        {
            throw new InvalidBatchException($"A batch holds 1 to {ODataBatch.MaxRequests} requests.", "requests", requests.GetArrayLength() == 0 ? "BadRequest" : "QueryLimitExceeded");
        }

        var read = new List<Request>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (request, index) in requests.EnumerateArray().Select((r, i) => (r, i)))
        {
            var at = $"requests[{index}]";
            if (request.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidBatchException("Each request is an object.", at);
            }

            if (request.EnumerateObject().Select(m => m.Name).FirstOrDefault(name => !Members.Contains(name)) is { } unknown)
            {
                throw new InvalidBatchException($"A request has no member \"{unknown}\".", $"{at}.{unknown}");
            }

            var id = Text(request, "id", at);
            if (!ids.Add(id))
            {
                throw new InvalidBatchException($"The id \"{id}\" is used twice.", $"{at}.id");
            }

            var method = Text(request, "method", at);
            var url = Text(request, "url", at);
            if (request.TryGetProperty("atomicityGroup", out var group))
            {
                if (group.ValueKind != JsonValueKind.String || ids.Contains(group.GetString()!) && !groups.Contains(group.GetString()!))
                {
                    throw new InvalidBatchException("An atomicityGroup is a string that is not also a request's id.", $"{at}.atomicityGroup");
                }

                groups.Add(group.GetString()!);
            }

            if (request.TryGetProperty("dependsOn", out var dependsOn))
            {
                var earlier = dependsOn.ValueKind == JsonValueKind.Array ? dependsOn.EnumerateArray().ToList() : null;
                if (earlier is null || earlier.Any(d => d.ValueKind != JsonValueKind.String || (!ids.Contains(d.GetString()!) && !groups.Contains(d.GetString()!)) || d.GetString() == id))
                {
                    throw new InvalidBatchException("dependsOn lists ids or groups of requests that come earlier in the batch.", $"{at}.dependsOn");
                }
            }

            if (request.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null && HttpMethods.IsGet(method))
            {
                throw new InvalidBatchException("A GET request has no body.", $"{at}.body");
            }

            read.Add(new Request(id, method, url, Headers(request, at)));
        }

        return read;
    }

    /// <summary>
    /// The path and query a request's url names, when it is a resource of this service: relative to the
    /// service root (<c>Articles?$top=5</c>), absolute-path (<c>/odata/Articles</c>) or absolute with the same path.
    /// <c>$1</c>-style references to other requests' results are not resolvable in a read-only service.
    /// </summary>
    public static bool TryResolve(string url, out PathString path, out QueryString query)
    {
        path = default;
        query = default;
        if (!Uri.TryCreate(new Uri("http://batch.invalid/odata/"), url, out var resolved) || !resolved.AbsolutePath.StartsWith("/odata/", StringComparison.Ordinal) || IsReference(url))
        {
            return false;
        }

        path = PathString.FromUriComponent(resolved.AbsolutePath);
        query = QueryString.FromUriComponent(resolved.Query);
        return true;
    }

    // $1/Title names the result of request 1; only $metadata and $batch are resources of the service root that start with $.
    private static bool IsReference(string url) =>
        url.StartsWith('$') && !url.StartsWith("$metadata", StringComparison.Ordinal) && !url.StartsWith("$batch", StringComparison.Ordinal);

    private static string Text(JsonElement request, string name, string at)
    {
        if (!request.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 and <= ODataQueryEndpoint.MaxQueryLength } text)
        {
            throw new InvalidBatchException($"A request's \"{name}\" is a non-empty string of at most {ODataQueryEndpoint.MaxQueryLength} characters.", $"{at}.{name}");
        }

        return TextInput.IsClean(text) ? text : throw new InvalidBatchException($"A request's \"{name}\": {TextInput.Message}", $"{at}.{name}");
    }

    private static List<KeyValuePair<string, string>> Headers(JsonElement request, string at)
    {
        if (!request.TryGetProperty("headers", out var headers))
        {
            return [];
        }

        if (headers.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidBatchException("A request's headers are an object of names and string values.", $"{at}.headers");
        }

        var read = new List<KeyValuePair<string, string>>();
        foreach (var header in headers.EnumerateObject())
        {
            if (header.Value.ValueKind != JsonValueKind.String || header.Name.Length is 0 or > 100 || !header.Name.All(c => c is > ' ' and < (char)127 and not ':')
                || header.Value.GetString()!.Length > 1024 || header.Value.GetString()!.Any(c => c is < ' ' or > (char)126))
            {
                throw new InvalidBatchException("A header is a name and a single-line string value (ASCII, at most 1 KB).", $"{at}.headers.{header.Name}");
            }

            read.Add(KeyValuePair.Create(header.Name, header.Value.GetString()!));
        }

        return read.Count <= 20 ? read : throw new InvalidBatchException("A request has at most 20 headers.", $"{at}.headers");
    }
}

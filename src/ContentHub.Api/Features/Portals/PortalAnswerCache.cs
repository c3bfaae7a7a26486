using System.Security.Cryptography;
using System.Text;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Portals;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// Answers that are the same for every caller of a portal (OData queries, feeds), kept in memory by
/// HybridCache: one request makes an answer while the others asking for it wait for that one
/// (stampede protection), within a memory bound. Anything a portal carries changing drops every
/// answer on every instance: this instance at once (<see cref="AnswerChangeSignal"/>), the others when
/// <see cref="PortalChangeListener"/> hears the NOTIFY the database sends on commit. Dropping moves the
/// cache to a new generation, which is part of every key: a request after the drop neither finds an
/// older answer nor joins the making of one that started before it. While this instance cannot listen,
/// it serves nothing from the cache.
/// </summary>
public sealed class PortalAnswerCache(HybridCache cache, IMemoryCache memory, IServiceScopeFactory scopes, IOptions<AnswerCacheOptions> options)
{
    /// <summary>
    /// The PostgreSQL channel the database notifies, by trigger in the committing transaction, when
    /// published entries, categories or organisation units change (portals use <see cref="PortalDirectory.Channel"/>).
    /// </summary>
    public const string Channel = "contenthub_answers";

    /// <summary>The request headers an answer may depend on; they are part of its key.</summary>
    private static readonly string[] ShapingHeaders = ["Accept", "Accept-Language", "OData-MaxVersion", "Prefer"];

    // Conditional headers are answered from the cached answer, never passed to the request making it.
    private static readonly HashSet<string> ConditionalHeaders = new(StringComparer.OrdinalIgnoreCase) { "If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since" };

    private readonly AnswerCacheOptions _options = options.Value;
    private readonly HybridCacheEntryOptions _entryOptions = new()
    {
        Expiration = options.Value.MaxAge,
        LocalCacheExpiration = options.Value.MaxAge,
        Flags = HybridCacheEntryFlags.DisableDistributedCache | HybridCacheEntryFlags.DisableCompression,
    };

    private long _generation;
    private KnownChange? _latestChange;
    private long _served;
    private long _made;
    private long _bypassed;
    private volatile bool _listening;

    /// <summary>
    /// Answers <paramref name="http"/> with the cached answer for this portal, this request and
    /// <paramref name="audience"/> (answers differ by how the caller got in, such as their
    /// Cache-Control), making it with <paramref name="produce"/> when there is none. The caller has
    /// checked the portal's access already. <paramref name="produce"/> gets a request of its own, with its
    /// own services, so it can outlive the request that started it for the others waiting on it.
    /// </summary>
    public async Task ServeAsync(HttpContext http, Portal portal, string audience, Func<HttpContext, Task> produce)
    {
        if (!_options.Enabled || !_listening || !HttpMethods.IsGet(http.Request.Method))
        {
            Interlocked.Increment(ref _bypassed);
            await produce(http);
            return;
        }

        Interlocked.Increment(ref _served);
        var request = RequestCopy.Of(http);
        var key = KeyOf(portal, audience, request);
        var answer = await cache.GetOrCreateAsync(key, (this, request, produce), static (state, cancellationToken) => state.Item1.MakeAsync(state.request, state.produce, cancellationToken),
            _entryOptions, cancellationToken: http.RequestAborted);
        if (answer.Body.Length > _options.MaxAnswerKilobytes * 1024L)
        {
            // Too big to keep (HybridCache would keep it without counting it): served once, then dropped.
            await cache.RemoveAsync(key, CancellationToken.None);
        }

        await WriteAsync(http, answer);
    }

    /// <summary>
    /// Drops every answer on this instance (other instances hear of the change from the database).
    /// Answers of older generations are never looked up again; they leave memory when they expire or
    /// when newer ones need the room.
    /// </summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Set by the listener: answers are only cached while changes on other instances can be heard.</summary>
    public void Listening(bool listening)
    {
        _listening = listening;
        Invalidate();
    }

    /// <summary>
    /// The time of the latest sync change, read once per generation while listening: every sync change
    /// starts a new generation, so until then the value read holds. It is filed under the generation
    /// current before reading, so a change that lands while reading makes it be read again.
    /// </summary>
    public async Task<DateTimeOffset?> LatestChangeAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_listening && Volatile.Read(ref _latestChange) is { } known && known.Generation == generation)
        {
            return known.At;
        }

        var at = await db.SyncChanges.MaxAsync(c => (DateTimeOffset?)c.At, cancellationToken);
        Volatile.Write(ref _latestChange, new KnownChange(generation, at));
        return at;
    }

    public AnswerCacheStatistics Statistics()
    {
        var memoryStatistics = memory.GetCurrentStatistics();
        var served = Interlocked.Read(ref _served);
        var made = Interlocked.Read(ref _made);
        return new AnswerCacheStatistics(
            _options.Enabled, _listening, memoryStatistics?.CurrentEntryCount ?? 0, memoryStatistics?.CurrentEstimatedSize ?? 0,
            _options.SizeLimitMegabytes * 1024L * 1024L, served - made, made, Interlocked.Read(ref _bypassed));
    }

    private async ValueTask<CachedAnswer> MakeAsync(RequestCopy request, Func<HttpContext, Task> produce, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _made);
        await using var scope = scopes.CreateAsyncScope();
        var context = request.ToContext(scope.ServiceProvider, cancellationToken);
        using var body = new MemoryStream();
        context.Response.Body = body;
        await produce(context);
        var headers = context.Response.Headers
            .Where(h => CachedAnswer.KeptHeaders.Contains(h.Key))
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()))
            .ToList();
        return new CachedAnswer(context.Response.StatusCode, headers, body.ToArray());
    }

    private static async Task WriteAsync(HttpContext http, CachedAnswer answer)
    {
        var response = http.Response;
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.Status == StatusCodes.Status200OK && Preconditions.NotModified(http.Request, answer.Header("ETag"), answer.Header("Last-Modified")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentType = default;
            return;
        }

        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    // A hash, so that keys have one length however long the query; SHA-256, so that no one can make
    // their query's key collide with another's and have that answer served in its place.
    private string KeyOf(Portal portal, string audience, RequestCopy request)
    {
        var text = new StringBuilder(256)
            .Append(Interlocked.Read(ref _generation)).Append('\n')
            .Append(portal.Id).Append('\n').Append(audience).Append('\n')
            .Append(request.Scheme).Append("://").Append(request.Host).Append(request.PathBase).Append(request.Path).Append(request.Query).Append('\n');
        foreach (var name in ShapingHeaders)
        {
            text.Append(name).Append(':').Append(request.Headers.TryGetValue(name, out var value) ? value.ToString() : string.Empty).Append('\n');
        }

        return "answer:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed record KnownChange(long Generation, DateTimeOffset? At);

    /// <summary>What the answer depends on, copied out of a request that may end before the answer is made.</summary>
    private sealed record RequestCopy(string Scheme, HostString Host, PathString PathBase, PathString Path, QueryString Query, Dictionary<string, StringValues> Headers, System.Security.Claims.ClaimsPrincipal User)
    {
        public static RequestCopy Of(HttpContext http)
        {
            var request = http.Request;
            var headers = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in request.Headers)
            {
                if (!ConditionalHeaders.Contains(name))
                {
                    headers[name] = value;
                }
            }

            return new RequestCopy(request.Scheme, request.Host, request.PathBase, request.Path, request.QueryString, headers, http.User);
        }

        public DefaultHttpContext ToContext(IServiceProvider services, CancellationToken cancellationToken)
        {
            var context = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken, User = User };
            var request = context.Request;
            request.Method = HttpMethods.Get;
            request.Scheme = Scheme;
            request.Host = Host;
            request.PathBase = PathBase;
            request.Path = Path;
            request.QueryString = Query;
            foreach (var (name, value) in Headers)
            {
                request.Headers[name] = value;
            }

            return context;
        }
    }
}

/// <summary>What the answer cache holds and how it has been used since the service started.</summary>
public sealed record AnswerCacheStatistics(bool Enabled, bool Listening, long Entries, long Bytes, long LimitBytes, long Hits, long Made, long Bypassed);

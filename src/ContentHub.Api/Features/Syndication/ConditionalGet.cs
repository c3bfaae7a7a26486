using System.Security.Cryptography;
using ContentHub.Api.Http;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// HTTP caching for what portals pull: a strong ETag (a hash of the exact bytes), Last-Modified, 304
/// for a matching If-None-Match (or, without one, an If-Modified-Since not older than the content),
/// and a Cache-Control a CDN can use — shared for public portals, private for keyed ones (with Vary).
/// </summary>
public static class ConditionalGet
{
    public static IResult Answer(HttpContext http, byte[] body, string mediaType, DateTimeOffset lastModified, bool shared)
    {
        var etag = ETagOf(body);
        var modified = Preconditions.HttpDate(lastModified);
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.LastModified = modified;
        headers.CacheControl = shared ? "public, max-age=60, stale-while-revalidate=300" : "private, max-age=60";
        headers.Vary = "X-Api-Key";
        if (Preconditions.NotModified(http.Request, etag, modified))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, mediaType + "; charset=utf-8");
    }

    /// <summary>For answers that change with every call's position (sync pages): a strong ETag and 304 when it matches, revalidated on every use.</summary>
    public static IResult AnswerByETag(HttpContext http, byte[] body, string mediaType)
    {
        var etag = ETagOf(body);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.Vary = "X-Api-Key";
        return Preconditions.NotModified(http.Request, etag, lastModified: null) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, mediaType);
    }

    private static string ETagOf(byte[] body) => "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
}

using System.IO.Hashing;
using ContentHub.Api.Http;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// A strong ETag for OData answers (entities, lists, aggregates, $metadata and the service document):
/// a 128-bit hash of the exact bytes (XxHash128: a few microseconds for a page, where a cryptographic
/// hash would cost a noticeable share of the request), and 304 when the client has them, by
/// If-None-Match or, without it, by If-Modified-Since against the Last-Modified set before.
/// An entity's <c>@odata.etag</c> stays its version: the same for all of its representations.
/// </summary>
public static class ResponseValidators
{
    /// <summary>True when the answer was 304 and nothing more is to be written.</summary>
    public static bool NotModified(HttpContext http, ReadOnlySpan<byte> body)
    {
        if (http.Response.Headers.ETag.Count > 0 || !HttpMethods.IsGet(http.Request.Method))
        {
            return false;
        }

        var etag = "\"" + Convert.ToHexStringLower(XxHash128.Hash(body)) + "\"";
        http.Response.Headers.ETag = etag;
        if (!Preconditions.NotModified(http.Request, etag, http.Response.Headers.LastModified.Count > 0 ? http.Response.Headers.LastModified.ToString() : null))
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }
}

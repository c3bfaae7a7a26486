using System.IO.Hashing;
using ContentHub.Api.Http;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// A strong ETag for OData answers that have none of their own (lists, aggregates, $metadata and
/// the service document): a 128-bit hash of the exact bytes (XxHash128: a few microseconds for a page, where a
/// cryptographic hash would cost a noticeable share of the request), and 304 when the client has them.
/// Entities keep their own ETag, set before.
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
        if (!ETags.NoneMatchHas(http.Request, etag))
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }
}

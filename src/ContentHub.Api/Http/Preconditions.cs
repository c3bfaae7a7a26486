using System.Globalization;

namespace ContentHub.Api.Http;

/// <summary>Conditional GETs (RFC 9110 13.2.2): If-None-Match decides when sent, else If-Modified-Since.</summary>
public static class Preconditions
{
    /// <summary>An HTTP-date; it has whole seconds, so the time is cut to the second it falls in.</summary>
    public static string HttpDate(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>True when the client's copy, named by its validators, is the answer's (<paramref name="etag"/>, <paramref name="lastModified"/>, either may be absent).</summary>
    public static bool NotModified(HttpRequest request, string? etag, string? lastModified)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return etag is not null && ETags.NoneMatchHas(request, etag);
        }

        return lastModified is not null
            && DateTimeOffset.TryParseExact(lastModified, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified)
            && DateTimeOffset.TryParseExact(request.Headers.IfModifiedSince.ToString(), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && since >= modified;
    }
}

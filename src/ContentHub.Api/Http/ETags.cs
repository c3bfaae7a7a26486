using Microsoft.Net.Http.Headers;

namespace ContentHub.Api.Http;

/// <summary>
/// Entity tags made from PostgreSQL row versions (xmin). An update must name the version it was
/// based on in If-Match: 428 when it does not, 412 when that version is no longer current.
/// </summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version}\"";

    public static void Set(HttpResponse response, uint version) => response.Headers.ETag = Format(version);

    /// <summary>The outcome of reading If-Match against the current version.</summary>
    public enum Check
    {
        Missing,
        Stale,
        Matches,
    }

    /// <summary>
    /// True when the request's If-None-Match names <paramref name="etag"/> (or is <c>*</c>): the weak
    /// comparison RFC 9110 13.1.2 asks for, so <c>W/"x"</c> and <c>"x"</c> match.
    /// </summary>
    public static bool NoneMatchHas(HttpRequest request, string etag)
    {
        var asked = request.Headers.IfNoneMatch.ToString();
        if (asked.Length == 0)
        {
            return false;
        }

        var bare = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        return asked.Split(',').Select(t => t.Trim()).Any(t => t == "*" || (t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == bare);
    }

    /// <summary>Reads If-Match against the current version. The database checks the same version again when the change is saved.</summary>
    public static Check Evaluate(string? ifMatch, uint current)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Check.Missing;
        }

        if (!EntityTagHeaderValue.TryParseList([ifMatch], out var tags))
        {
            return Check.Stale;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                return Check.Matches;
            }

            // If-Match uses the strong comparison (RFC 9110 13.1.1): a weak tag never matches.
            if (!tag.IsWeak && uint.TryParse(tag.Tag.AsSpan().Trim('"'), out var version) && version == current)
            {
                return Check.Matches;
            }
        }

        return Check.Stale;
    }
}

namespace ContentHub.Api.Http;

/// <summary>
/// Refuses a query string whose decoded names or values hold text <see cref="TextInput"/> does not
/// accept, for every route, before anything reads it: a 400 problem naming the parameter, or the
/// route's own <see cref="ErrorFormat"/>.
/// </summary>
public sealed class QueryTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.QueryString.HasValue && MalformedEscape(http.Request.QueryString.Value!) is { } escape)
        {
            await RefuseAsync(http, "BadRequest", "query", $"The query string has {escape}: every % must start an escape of two hex digits, and the escapes must spell UTF-8.");
            return;
        }

        if (http.Request.QueryString.HasValue && FirstUnclean(http.Request.Query) is { } parameter)
        {
            await RefuseAsync(http, "InvalidText", parameter, $"The query option '{parameter}': {TextInput.Message}");
            return;
        }

        await next(http);
    }

    // A 400 naming the parameter: in the route's own error format where it has one, else as a validation problem.
    private static async Task RefuseAsync(HttpContext http, string code, string parameter, string message)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ErrorFormat>() is { } format)
        {
            await format.Write(http, StatusCodes.Status400BadRequest, code, message, parameter);
            return;
        }

        await Problems.Validation(parameter, message).ExecuteAsync(http);
    }

    // ASP.NET Core leaves a bad escape (%ZZ) or bytes that are not UTF-8 (%FF) as they are or as U+FFFD,
    // so the raw query string is read: a client that sent either meant something we cannot know.
    private static string? MalformedEscape(string query)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] != '%')
            {
                if (!Flush(bytes))
                {
                    return "escapes that are not UTF-8";
                }

                continue;
            }

            if (i + 2 >= query.Length || !Uri.IsHexDigit(query[i + 1]) || !Uri.IsHexDigit(query[i + 2]))
            {
                return $"an invalid escape at position {i}";
            }

            bytes.Add(System.Convert.ToByte(query.Substring(i + 1, 2), 16));
            i += 2;
        }

        return Flush(bytes) ? null : "escapes that are not UTF-8";
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool Flush(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            return true;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes.ToArray());
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            bytes.Clear();
        }
    }

    private static string? FirstUnclean(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!TextInput.IsClean(name))
            {
                return "(a parameter name)";
            }

            foreach (var value in values)
            {
                if (value is not null && !TextInput.IsClean(value))
                {
                    return name;
                }
            }
        }

        return null;
    }
}

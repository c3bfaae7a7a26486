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
        if (http.Request.QueryString.HasValue && FirstUnclean(http.Request.Query) is { } parameter)
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<ErrorFormat>() is { } format)
            {
                await format.Write(http, StatusCodes.Status400BadRequest, "InvalidText", $"The query option '{parameter}': {TextInput.Message}", parameter);
                return;
            }

            await Problems.Validation(parameter, TextInput.Message).ExecuteAsync(http);
            return;
        }

        await next(http);
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

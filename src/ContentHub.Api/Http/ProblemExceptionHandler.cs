using System.Text.Json;
using ContentHub.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace ContentHub.Api.Http;

/// <summary>
/// Turns the exceptions that bad input causes into problem details with a useful message: an
/// unreadable or oversized body, JSON of the wrong shape. Anything else is a 500 whose details stay
/// in the log. An unreachable database is a 503 with Retry-After, logged once per outage rather than
/// per request. Routes with an <see cref="ErrorFormat"/> of their own (OData) get their error in it.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, DatabaseOutage outage, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unavailable = DatabaseUnavailable.Is(exception);
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Describe(bad)),
            JsonException json => (StatusCodes.Status400BadRequest, "The request body is not valid JSON of the expected shape. " + json.Message),
            _ when unavailable => (StatusCodes.Status503ServiceUnavailable, "The database cannot be reached at the moment. Try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "The server could not complete the request. It has been logged."),
        };
        if (unavailable)
        {
            outage.Refused(exception);
            httpContext.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        // The middleware has cleared the endpoint by now; its feature still names the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ErrorFormat>() is { } format)
        {
            await format.Write(httpContext, status, unavailable ? "ServiceUnavailable" : status >= 500 ? "InternalServerError" : "BadRequest", detail, null).ConfigureAwait(false);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Type = unavailable ? ProblemTypes.DatabaseUnavailable : ProblemTypes.ForStatus(status),
                Title = unavailable ? "Service unavailable" : status >= 500 ? "Server error" : "The request could not be read",
                Detail = detail,
            },
        }).ConfigureAwait(false);
    }

    // The framework's message names the parameter; the JSON reader's says where in the body it failed.
    private static string Describe(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? $"{exception.Message} {json.Message}" : exception.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}

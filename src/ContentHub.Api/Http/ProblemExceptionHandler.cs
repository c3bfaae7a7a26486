using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ContentHub.Api.Http;

/// <summary>
/// Turns the exceptions that bad input causes into problem details with a useful message: an
/// unreadable or oversized body, JSON of the wrong shape. Anything else is a 500 whose details stay
/// in the log.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Describe(bad)),
            JsonException json => (StatusCodes.Status400BadRequest, "The request body is not valid JSON of the expected shape. " + json.Message),
            _ => (StatusCodes.Status500InternalServerError, "The server could not complete the request. It has been logged."),
        };
        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Type = ProblemTypes.ForStatus(status),
                Title = status >= 500 ? "Server error" : "The request could not be read",
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

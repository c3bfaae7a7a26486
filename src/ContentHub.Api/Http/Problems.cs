using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Http;

/// <summary>Builds the problem results handlers return, each with its documented type.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} was not found.", type: ProblemTypes.NotFound);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail, type: ProblemTypes.Forbidden);

    public static ProblemHttpResult SlugTaken(string slug, string language) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Slug taken",
            detail: $"The slug '{slug}' is already used by another item of this kind in '{language}'. Choose another slug.",
            type: ProblemTypes.SlugTaken, extensions: new Dictionary<string, object?> { ["slug"] = slug });

    public static ProblemHttpResult Conflict(string detail, IReadOnlyList<string>? allowedActions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail, type: ProblemTypes.Conflict,
            extensions: allowedActions is null ? null : new Dictionary<string, object?> { ["allowedActions"] = allowedActions });

    public static ProblemHttpResult InUse(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "In use", detail: detail, type: ProblemTypes.InUse);

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "Send the ETag you last read in an If-Match header, so that nobody's changes are overwritten unseen.",
            type: ProblemTypes.PreconditionRequired);

    public static ProblemHttpResult PreconditionFailed(string? currentETag) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed by someone else",
            detail: "The resource changed since you read it. Read it again, merge your changes and retry with the new ETag.",
            type: ProblemTypes.PreconditionFailed, extensions: new Dictionary<string, object?> { ["currentETag"] = currentETag });

    /// <summary>400 with the problems per field, in the <c>errors</c> member.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = "See errors for what to correct.",
            Type = ProblemTypes.Validation,
        });

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}

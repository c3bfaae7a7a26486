namespace ContentHub.Api.Http;

/// <summary>Declares in the OpenAPI document which problem responses a route can give, by the kind of route it is.</summary>
public static class ProblemResponses
{
    /// <summary>A read of one resource by id: 400 for a malformed id, 404.</summary>
    public static RouteHandlerBuilder ProducesReadProblems(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A list: 400 for bad filters or paging.</summary>
    public static RouteHandlerBuilder ProducesListProblems(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem();

    /// <summary>A create: 400, 409, 413, 415.</summary>
    public static RouteHandlerBuilder ProducesCreateProblems(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>A change of an existing resource: the create problems and 404.</summary>
    public static RouteHandlerBuilder ProducesChangeProblems(this RouteHandlerBuilder route) =>
        route.ProducesCreateProblems().ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A change guarded by If-Match: also 412 (stale) and 428 (missing).</summary>
    public static RouteHandlerBuilder ProducesGuardedProblems(this RouteHandlerBuilder route) =>
        route.ProducesChangeProblems()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}

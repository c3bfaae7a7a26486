using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Http;

/// <summary>Maps every <see cref="Outcome{T}"/> to its status code and problem type.</summary>
public static class OutcomeResults
{
    public static Results<TSuccess, ProblemHttpResult> ToResult<T, TSuccess>(this Outcome<T> outcome, Func<T, TSuccess> onDone)
        where TSuccess : IResult
    {
        if (outcome is Outcome<T>.Done done)
        {
            return onDone(done.Value);
        }

        return outcome.ToProblem();
    }

    public static ProblemHttpResult ToProblem<T>(this Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.Invalid invalid => Problems.Validation(invalid.Errors),
        Outcome<T>.NotFound missing => Problems.NotFound(missing.What),
        Outcome<T>.PreconditionRequired => Problems.PreconditionRequired(),
        Outcome<T>.PreconditionFailed stale => Problems.PreconditionFailed(stale.Current is { } current ? ETags.Format(current) : null),
        Outcome<T>.SlugTaken taken => Problems.SlugTaken(taken.Slug, taken.Language),
        Outcome<T>.Conflict conflict => Problems.Conflict(conflict.Detail, conflict.AllowedActions),
        Outcome<T>.InUse inUse => Problems.InUse(inUse.Detail),
        Outcome<T>.Forbidden forbidden => Problems.Forbidden(forbidden.Detail),
        Outcome<T>.Gone gone => TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Gone", detail: gone.Detail, type: ProblemTypes.Gone),
        _ => throw new InvalidOperationException($"{outcome.GetType().Name} is not a failure."),
    };
}

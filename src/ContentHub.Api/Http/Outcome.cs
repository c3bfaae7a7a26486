namespace ContentHub.Api.Http;

/// <summary>
/// What a write operation of a feature service came to. Handlers turn it into an HTTP result in one
/// place (<see cref="OutcomeResults"/>), so every endpoint answers the same situation the same way.
/// </summary>
public abstract record Outcome<T>
{
    private Outcome()
    {
    }

    public sealed record Done(T Value) : Outcome<T>;

    public sealed record NotFound(string What) : Outcome<T>;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome<T>;

    public sealed record PreconditionRequired : Outcome<T>;

    public sealed record PreconditionFailed(uint? Current) : Outcome<T>;

    public sealed record SlugTaken(string Slug, string Language) : Outcome<T>;

    /// <summary>The step is not possible now; <paramref name="AllowedActions"/> lists what is, where that helps.</summary>
    public sealed record Conflict(string Detail, IReadOnlyList<string>? AllowedActions = null) : Outcome<T>;

    public sealed record InUse(string Detail) : Outcome<T>;

    public sealed record Forbidden(string Detail) : Outcome<T>;

    /// <summary>What the request refers to existed but is gone for good (a sync cursor past retention).</summary>
    public sealed record Gone(string Detail) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Done(value);

    /// <summary>Maps the value of a success; a failure passes through unchanged.</summary>
    public Outcome<TResult> Map<TResult>(Func<T, TResult> map) => this switch
    {
        Done done => new Outcome<TResult>.Done(map(done.Value)),
        NotFound failure => new Outcome<TResult>.NotFound(failure.What),
        Invalid failure => new Outcome<TResult>.Invalid(failure.Errors),
        PreconditionRequired => new Outcome<TResult>.PreconditionRequired(),
        PreconditionFailed failure => new Outcome<TResult>.PreconditionFailed(failure.Current),
        SlugTaken failure => new Outcome<TResult>.SlugTaken(failure.Slug, failure.Language),
        Conflict failure => new Outcome<TResult>.Conflict(failure.Detail, failure.AllowedActions),
        InUse failure => new Outcome<TResult>.InUse(failure.Detail),
        Forbidden failure => new Outcome<TResult>.Forbidden(failure.Detail),
        Gone failure => new Outcome<TResult>.Gone(failure.Detail),
        _ => throw new InvalidOperationException($"Unmapped outcome {GetType().Name}."),
    };
}

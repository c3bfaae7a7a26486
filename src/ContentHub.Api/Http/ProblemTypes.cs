namespace ContentHub.Api.Http;

/// <summary>
/// The stable <c>type</c> URIs of ContentHub's problem details (RFC 9457). Clients may switch on
/// them; the README lists what each means.
/// </summary>
public static class ProblemTypes
{
    // URNs: stable identifiers that do not pretend to be web pages.
    private const string Prefix = "urn:contenthub:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string SlugTaken = Prefix + "slug-taken";
    public const string Conflict = Prefix + "conflict";
    public const string InUse = Prefix + "in-use";
    public const string QualityChecks = Prefix + "quality-checks";
    public const string Gone = Prefix + "gone";
    public const string PreconditionRequired = Prefix + "precondition-required";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string ServerError = Prefix + "server-error";
    public const string DatabaseUnavailable = Prefix + "database-unavailable";

    /// <summary>The type for a bare status code answered by the framework (404 for an unknown route, 415…).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => MalformedRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status412PreconditionFailed => PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status428PreconditionRequired => PreconditionRequired,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => DatabaseUnavailable,
        >= 500 => ServerError,
        _ => "about:blank",
    };
}

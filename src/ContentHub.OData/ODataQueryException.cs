namespace ContentHub.OData;

/// <summary>A query the service refuses, with the HTTP status and OData error code to answer with.</summary>
/// <param name="status">400 for a bad query, 501 for a valid one this service does not implement.</param>
/// <param name="code">A short, stable error code.</param>
/// <param name="message">What is wrong, for the developer of the portal.</param>
/// <param name="target">The query option or property at fault.</param>
public sealed class ODataQueryException(int status, string code, string message, string? target = null) : Exception(message)
{
    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; } = status;

    /// <summary>The OData error code.</summary>
    public string Code { get; } = code;

    /// <summary>The query option or property at fault.</summary>
    public string? Target { get; } = target;

    /// <summary>A valid construct this service does not implement (501).</summary>
    public static ODataQueryException NotImplemented(string what) => new(501, "NotImplemented", $"{what} is not supported by this service.");

    /// <summary>A query beyond the limits (400).</summary>
    public static ODataQueryException Limit(string target, string message) => new(400, "QueryLimitExceeded", message, target);
}

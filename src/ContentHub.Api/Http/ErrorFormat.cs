namespace ContentHub.Api.Http;

/// <summary>
/// Endpoint metadata for routes whose errors are not problem details (OData has its own format):
/// shared middleware that refuses a request writes the error through it.
/// </summary>
/// <param name="Write">Writes status, code, message and the target (the offending parameter, or null).</param>
public sealed record ErrorFormat(Func<HttpContext, int, string, string, string?, Task> Write);

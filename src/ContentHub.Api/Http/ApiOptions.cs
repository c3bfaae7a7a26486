using System.ComponentModel.DataAnnotations;

namespace ContentHub.Api.Http;

/// <summary>Limits of the HTTP API, from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;
}

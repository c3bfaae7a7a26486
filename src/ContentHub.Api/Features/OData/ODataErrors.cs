using System.Text.Json;

namespace ContentHub.Api.Features.OData;

/// <summary>Errors on OData routes use the OData error format, not problem details: {"error":{"code","message","target"}}.</summary>
public static class ODataErrors
{
    public static async Task WriteAsync(HttpContext http, int status, string code, string message, string? target = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers["OData-Version"] = "4.01";
        var error = new Dictionary<string, object?> { ["code"] = code, ["message"] = message };
        if (target is not null)
        {
            error["target"] = target;
        }

        await JsonSerializer.SerializeAsync(http.Response.Body, new Dictionary<string, object> { ["error"] = error });
    }
}

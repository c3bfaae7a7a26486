using System.Text;
using ContentHub.OData;
using Microsoft.OData;
using Microsoft.Net.Http.Headers;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The OData service for portals, at <c>/odata</c>. The service document and <c>$metadata</c> describe
/// the service and hold no content, so they are open to anyone; querying the entity sets comes next.
/// These routes speak OData, not the REST API's conventions, and are left out of its OpenAPI document.
/// </summary>
public static class ODataEndpoints
{
    public static IEndpointRouteBuilder MapODataEndpoints(this IEndpointRouteBuilder routes)
    {
        var odata = routes.MapGroup("/odata").AllowAnonymous().ExcludeFromDescription();
        odata.MapGet("/", ServiceDocumentAsync).WithName("ODataServiceDocument");
        odata.MapGet("/$metadata", MetadataAsync).WithName("ODataMetadata");
        // Entry sets: the portal is checked in the handler (API key, or a public portal by name).
        odata.MapGet("/{**path}", ODataQueryEndpoint.HandleAsync).WithName("ODataQuery");
        return routes;
    }

    /// <summary>The service document: the entity sets portals can query.</summary>
    public static async Task ServiceDocumentAsync(HttpContext http)
    {
        var version = Version(http.Request);
        using var message = ServiceDocuments.ServiceDocument(PortalModel.Instance, ServiceRoot(http.Request), version, MetadataLevel(http.Request));
        http.Response.Headers["OData-Version"] = version == ODataVersion.V401 ? "4.01" : "4.0";
        await SendAsync(http, message.Headers, message.Body.ToArray());
    }

    /// <summary>The CSDL of the model, with the conformance level it meets.</summary>
    public static async Task MetadataAsync(HttpContext http)
    {
        var body = Encoding.UTF8.GetBytes(ServiceDocuments.Metadata(PortalModel.Instance));
        await SendAsync(http, [new("Content-Type", "application/xml"), new("OData-Version", Version(http.Request) == ODataVersion.V401 ? "4.01" : "4.0")], body);
    }

    /// <summary>4.01 unless the client caps the version at 4.0 with OData-MaxVersion.</summary>
    public static ODataVersion Version(HttpRequest request) =>
        request.Headers["OData-MaxVersion"].ToString().Trim() == "4.0" ? ODataVersion.V4 : ODataVersion.V401;

    /// <summary>odata.metadata from Accept (none, minimal or full); minimal by default.</summary>
    public static string MetadataLevel(HttpRequest request)
    {
        foreach (var accept in request.GetTypedHeaders().Accept)
        {
            var level = accept.Parameters.FirstOrDefault(p => p.Name.Equals("odata.metadata", StringComparison.OrdinalIgnoreCase))?.Value.Value;
            if (level is "none" or "minimal" or "full")
            {
                return level;
            }
        }

        return "minimal";
    }

    public static Uri ServiceRoot(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/odata/");

    private static async Task SendAsync(HttpContext http, IEnumerable<KeyValuePair<string, string>> headers, byte[] body)
    {
        foreach (var (name, value) in headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.Headers[HeaderNames.Vary] = "Accept, OData-MaxVersion";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body);
    }
}

using System.Text;
using ContentHub.Api.Http;
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
        var odata = routes.MapGroup("/odata").AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new ErrorFormat(ODataErrors.WriteAsync));
        odata.MapGet("/", ServiceDocumentAsync).WithName("ODataServiceDocument");
        odata.MapGet("/$metadata", MetadataAsync).WithName("ODataMetadata");
        // Entry sets: the portal is checked in the handler (API key, or a public portal by name).
        odata.MapGet("/{**path}", ODataQueryEndpoint.HandleAsync).WithName("ODataQuery");
        return routes;
    }

    /// <summary>The service document: the entity sets portals can query.</summary>
    public static async Task ServiceDocumentAsync(HttpContext http)
    {
        var version = AnnounceVersion(http);
        await SendAsync(http, ServiceDocuments.ServiceDocument(PortalModel.Instance, ServiceRoot(http.Request), version, MetadataLevel(http.Request)));
    }

    /// <summary>The CSDL of the model, with the conformance level it meets.</summary>
    public static async Task MetadataAsync(HttpContext http)
    {
        var message = new BufferedResponseMessage();
        message.SetHeader("Content-Type", "application/xml");
        message.SetHeader("OData-Version", VersionHeader(Version(http.Request)));
        message.Body.Write(Encoding.UTF8.GetBytes(ServiceDocuments.Metadata(PortalModel.Instance)));
        await SendAsync(http, message);
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

    /// <summary>The version to answer in, announced in OData-Version (4.01 names its annotations @context, @count, @nextLink).</summary>
    public static ODataVersion AnnounceVersion(HttpContext http)
    {
        var version = Version(http.Request);
        http.Response.Headers["OData-Version"] = VersionHeader(version);
        return version;
    }

    public static string VersionHeader(ODataVersion version) => version == ODataVersion.V401 ? "4.01" : "4.0";

    public static Uri ServiceRoot(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/odata/");

    /// <summary>Sends what the OData writer buffered, with its headers; the message is disposed.</summary>
    public static async Task SendAsync(HttpContext http, BufferedResponseMessage message)
    {
        using (message)
        {
            foreach (var (name, value) in message.Headers)
            {
                http.Response.Headers[name] = value;
            }

            if (!http.Response.Headers.ContainsKey(HeaderNames.Vary))
            {
                http.Response.Headers[HeaderNames.Vary] = "Accept, OData-MaxVersion";
            }

            // The OData writer closes the stream when it is done; the buffer stays readable (no copy made).
            var body = message.Body.TryGetBuffer(out var written) ? written : new ArraySegment<byte>(message.Body.ToArray());
            http.Response.ContentLength = body.Count;
            await http.Response.Body.WriteAsync(body.AsMemory(), http.RequestAborted);
        }
    }
}

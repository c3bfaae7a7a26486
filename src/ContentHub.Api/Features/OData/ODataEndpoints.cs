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
        // Each request of a batch is checked as it would be on its own.
        odata.MapPost("/$batch", ODataBatch.HandleAsync).WithName("ODataBatch");
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

    /// <summary>
    /// The CSDL of the model, with the conformance level it meets: XML by default, CSDL JSON for
    /// <c>$format=json</c> (or <c>application/json</c>) or an Accept that asks for JSON and not XML.
    /// </summary>
    public static async Task MetadataAsync(HttpContext http)
    {
        var json = WantsJson(http.Request);
        var message = new BufferedResponseMessage();
        message.SetHeader("Content-Type", json ? "application/json" : "application/xml");
        message.SetHeader("OData-Version", VersionHeader(Version(http.Request)));
        message.Body.Write(json ? Csdl.Json.Value : Csdl.Xml.Value);
        http.Response.Headers.Vary = "Accept";
        await SendAsync(http, message);
    }

    private static bool WantsJson(HttpRequest request)
    {
        var format = ODataRequests.Option(request, "format");
        if (format is not null)
        {
            return format.StartsWith("json", StringComparison.OrdinalIgnoreCase) || format.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        }

        var accepts = request.GetTypedHeaders().Accept;
        return accepts.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accepts.Any(a => a.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase));
    }

    // The model never changes while the service runs: both representations are written once.
    private static class Csdl
    {
        public static readonly Lazy<byte[]> Xml = new(() => Encoding.UTF8.GetBytes(ServiceDocuments.Metadata(PortalModel.Instance)));
        public static readonly Lazy<byte[]> Json = new(() => ServiceDocuments.MetadataJson(PortalModel.Instance));
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
            if (ResponseValidators.NotModified(http, body.AsSpan()))
            {
                http.Response.Headers.ContentType = default;
                return;
            }

            http.Response.ContentLength = body.Count;
            await http.Response.Body.WriteAsync(body.AsMemory(), http.RequestAborted);
        }
    }
}

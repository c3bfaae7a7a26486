namespace ContentHub.Api.Features.OData;

/// <summary>The OData service portals query.</summary>
public sealed class ODataFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PortalEntries>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapODataEndpoints();
    }
}

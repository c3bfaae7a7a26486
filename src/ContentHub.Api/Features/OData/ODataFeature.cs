namespace ContentHub.Api.Features.OData;

/// <summary>The OData service portals query.</summary>
public sealed class ODataFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PortalEntries>();
        PortalModel.MapClrTypes([typeof(Listing), typeof(EntryView)], typeof(Domain.Taxonomy.Category), typeof(Domain.Content.PromoAssetType));
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapODataEndpoints();
    }
}

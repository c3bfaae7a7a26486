namespace ContentHub.Api.Features.Taxonomy;

/// <summary>Categories and organisation units.</summary>
public sealed class TaxonomyFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<CategoryService>();
        services.AddScoped<OrgUnitService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapCategoryEndpoints();
        routes.MapOrgUnitEndpoints();
    }
}

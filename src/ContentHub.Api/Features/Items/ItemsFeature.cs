namespace ContentHub.Api.Features.Items;

/// <summary>Items and their language variants in the editorial API.</summary>
public sealed class ItemsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ItemService>();
        services.AddScoped<ItemList>();
        services.AddScoped<ItemReferences>();
        services.AddScoped<ItemViews>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapItemEndpoints();
        routes.MapVariantEndpoints();
    }
}

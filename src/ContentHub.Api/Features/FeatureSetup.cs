using ContentHub.Api.Features.Demo;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Rendering;
using ContentHub.Api.Features.Revisions;
using ContentHub.Api.Features.Taxonomy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentHub.Api.Features;

/// <summary>Registers and maps every feature.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddContentHubFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ItemService>();
        services.AddScoped<ItemList>();
        services.AddScoped<ItemReferences>();
        services.AddScoped<SlugAllocator>();
        services.AddScoped<RevisionService>();
        services.AddScoped<CategoryService>();
        services.AddScoped<OrgUnitService>();
        services.AddScoped<DemoContentSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapContentHubFeatures(this IEndpointRouteBuilder routes) =>
        routes
            .MapItemEndpoints()
            .MapVariantEndpoints()
            .MapRevisionEndpoints()
            .MapCategoryEndpoints()
            .MapOrgUnitEndpoints();
}

using ContentHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Search;

/// <summary>The search index (kept in step by <see cref="SearchIndexer"/>), editorial search and re-indexing.</summary>
public sealed class SearchFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SearchSources>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<SearchSuggestions>();
        services.AddScoped<EditorialSearch>();
        services.AddScoped<Reindexer>();
        services.AddSingleton<StaleSearchRows>();
        services.AddHostedService<SearchBackgroundIndexer>();
        services.ConfigureDbContext<ContentHubDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SearchIndexer>()));
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapSearchEndpoints();
}

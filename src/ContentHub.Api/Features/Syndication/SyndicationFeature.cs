namespace ContentHub.Api.Features.Syndication;

/// <summary>What portals pull without querying: feeds and sitemaps (sync and webhooks come next).</summary>
public sealed class SyndicationFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<FeedEntries>();
        services.AddScoped<Sitemaps>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapSyndicationEndpoints();
}

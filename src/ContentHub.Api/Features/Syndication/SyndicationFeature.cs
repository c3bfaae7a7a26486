namespace ContentHub.Api.Features.Syndication;

/// <summary>What portals pull without querying: feeds, sitemaps and incremental sync (webhooks come next).</summary>
public sealed class SyndicationFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<FeedEntries>();
        services.AddScoped<Sitemaps>();
        services.AddScoped<PortalSync>();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section);
        services.AddScoped<SyncRetention>();
        services.AddHostedService<SyncRetentionWorker>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapSyndicationEndpoints();
}

namespace ContentHub.Api.Features.Syndication;

/// <summary>What portals pull without querying: feeds, sitemaps, incremental sync, and the files of what they carry.</summary>
public sealed class SyndicationFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<FeedEntries>();
        services.AddScoped<PortalSearch>();
        services.AddScoped<PortalFiles>();
        services.AddScoped<Sitemaps>();
        services.AddScoped<PortalSync>();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section);
        services.AddScoped<SyncRetention>();
        services.AddHostedService<SyncRetentionWorker>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapSyndicationEndpoints();
        routes.MapPortalFileEndpoints();
    }
}

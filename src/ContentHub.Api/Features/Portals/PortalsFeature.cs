namespace ContentHub.Api.Features.Portals;

/// <summary>The portal registry and its API keys.</summary>
public sealed class PortalsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PortalService>();
        services.AddSingleton<PortalDirectory>();
        services.AddSingleton(provider =>
        {
            var media = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Media.MediaOptions>>().Value;
            return new PortalFileLinks(media.Widths, media.Crops);
        });
        services.AddPortalAnswerCache();
        services.AddHostedService<PortalChangeListener>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapPortalEndpoints();
    }
}

namespace ContentHub.Api.Features.Publishing;

/// <summary>The published read model portals are served from.</summary>
public sealed class PublishingFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PublicationProjector>();
    }
}

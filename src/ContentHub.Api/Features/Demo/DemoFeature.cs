namespace ContentHub.Api.Features.Demo;

/// <summary>The demo content loaded into an empty database on the embedded default.</summary>
public sealed class DemoFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<DemoContentSeeder>();
    }
}

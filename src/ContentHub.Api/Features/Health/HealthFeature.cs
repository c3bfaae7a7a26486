namespace ContentHub.Api.Features.Health;

/// <summary>Liveness and readiness for supervisors and load balancers.</summary>
public sealed class HealthFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [HealthEndpoints.ReadyTag]);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapHealthEndpoints();
    }
}

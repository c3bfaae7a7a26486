namespace ContentHub.Api.Features.Audit;

/// <summary>The append-only audit log and its queries.</summary>
public sealed class AuditFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapAuditEndpoints();
    }
}

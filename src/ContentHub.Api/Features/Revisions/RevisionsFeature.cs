namespace ContentHub.Api.Features.Revisions;

/// <summary>Revisions: list, compare, restore.</summary>
public sealed class RevisionsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<RevisionService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapRevisionEndpoints();
    }
}

namespace ContentHub.Api.Features.People;

/// <summary>Signing in and managing people (authentication itself is set up with the HTTP conventions, in AuthSetup).</summary>
public sealed class PeopleFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapAuthEndpoints();
        routes.MapUserEndpoints();
    }
}

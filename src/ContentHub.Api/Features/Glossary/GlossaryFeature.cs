namespace ContentHub.Api.Features.Glossary;

/// <summary>The glossary per language pair, which machine translation and the quality checks follow.</summary>
public sealed class GlossaryFeature : IFeature
{
    public void AddServices(IServiceCollection services) => services.AddScoped<GlossaryService>();

    public void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapGlossaryEndpoints();
}

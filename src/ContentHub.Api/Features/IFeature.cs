namespace ContentHub.Api.Features;

/// <summary>
/// One feature folder: what it registers and which routes it maps. Each folder has one, named
/// <c>&lt;Folder&gt;Feature</c>; <see cref="FeatureSetup"/> lists them all.
/// </summary>
public interface IFeature
{
    void AddServices(IServiceCollection services);

    /// <summary>Maps the feature's routes; features without routes map nothing.</summary>
    void MapEndpoints(IEndpointRouteBuilder routes)
    {
    }
}

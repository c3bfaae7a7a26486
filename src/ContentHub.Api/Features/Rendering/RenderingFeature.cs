namespace ContentHub.Api.Features.Rendering;

/// <summary>Markdown to safe HTML.</summary>
public sealed class RenderingFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
    }
}

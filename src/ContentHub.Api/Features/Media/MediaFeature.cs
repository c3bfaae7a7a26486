namespace ContentHub.Api.Features.Media;

/// <summary>Uploaded files: type by content, streamed to the disk store, stored once per content.</summary>
public sealed class MediaFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName)
            .Validate(o => o.MaxImageBytes > 0 && o.MaxDocumentBytes > 0 && o.MaxVideoBytes > 0 && o.MaxSubtitleBytes > 0, "Media: every size limit must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DiskMediaStore>();
        services.AddScoped<MediaUploads>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapMediaEndpoints();
    }
}

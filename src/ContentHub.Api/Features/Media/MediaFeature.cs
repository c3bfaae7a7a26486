using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>Uploaded files: type by content, streamed to the disk store, stored once per content.</summary>
public sealed class MediaFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName)
            .Validate(o => o.MaxImageBytes > 0 && o.MaxDocumentBytes > 0 && o.MaxVideoBytes > 0 && o.MaxSubtitleBytes > 0 && o.MaxImagePixels > 0 && o.StagingMaxAge > TimeSpan.Zero && o.MaxOpenResumableUploads > 0
                && o.Widths.All(w => w is > 0 and <= 8192) && o.RenditionQuality is > 0 and <= 100,
                "Media: size limits must be positive, rendition widths between 1 and 8192, the quality between 1 and 100.")
            .Validate(o => o.Crops.All(c => c.Across > 0), "Media:RenditionCrops are aspect ratios written 16x9, each number from 1 to 99.")
            .Validate(o => o.Store.Equals("Disk", StringComparison.OrdinalIgnoreCase) || (o.Store.Equals("S3", StringComparison.OrdinalIgnoreCase) && o.S3.Bucket.Length > 0), "Media:Store is Disk or S3 (with Media:S3:Bucket).")
            .ValidateOnStart();
        services.AddSingleton<MediaStaging>();
        services.AddSingleton<IMediaStore>(provider => provider.GetRequiredService<IOptions<MediaOptions>>().Value.Store.Equals("S3", StringComparison.OrdinalIgnoreCase)
            ? ActivatorUtilities.CreateInstance<S3MediaStore>(provider)
            : ActivatorUtilities.CreateInstance<DiskMediaStore>(provider));
        services.AddScoped<MediaUploads>();
        services.AddScoped<MediaCaptions>();
        services.AddScoped<MediaRemoval>();
        services.AddHostedService<UnusedFileCleanup>();
        services.AddSingleton<ImageRenditions>();
        services.AddSingleton<VideoProbe>();
        services.AddSingleton<VideoPosters>();
        services.AddSingleton<ResumableUploads>();
        services.AddSingleton<StagingCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<StagingCleanup>());
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapMediaEndpoints();
        routes.MapResumableUploadEndpoints();
    }
}

namespace ContentHub.Api.Features.Scheduling;

/// <summary>Publishing and taking down at scheduled times.</summary>
public sealed class SchedulingFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ScheduledPublisher>();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ScheduledPublishingWorker>();
    }
}

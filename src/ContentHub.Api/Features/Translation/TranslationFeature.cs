using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Translation;

/// <summary>Translation: machine drafts (Azure AI Translator), states, checks, memory, the work queue.</summary>
public sealed class TranslationFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<TranslatorOptions>().BindConfiguration(TranslatorOptions.Section);
        services.AddScoped<TranslationService>();
        services.AddScoped<TranslatorWorklist>();
        services.AddScoped<XliffExchange>();
        services.AddScoped<TranslationReview>();
        services.AddScoped<TranslationMemory>();
        services.AddScoped<ApprovalFollowUp>();
        services.AddScoped<MachineDrafts>();
        services.AddScoped<SubtitleTracks>();
        services.AddScoped<TranslatedCues>();
        services.AddScoped<TranslationJobClaims>();
        services.AddSingleton<TranslationSignal>();
        services.AddHostedService<MachineTranslationWorker>();

        // The key travels in a header the client factory's logging never writes; retries honour Retry-After.
        services.AddHttpClient<AzureTranslator>()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = 4;
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            });

        // No provider configured: no translator, and machine steps are skipped with a reason.
        services.AddScoped<IMachineTranslator>(provider =>
            provider.GetRequiredService<IOptions<TranslatorOptions>>().Value.IsConfigured ? provider.GetRequiredService<AzureTranslator>() : null!);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapTranslationEndpoints();
        routes.MapExchangeEndpoints();
    }
}

using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Webhooks;

/// <summary>Signed webhooks to portals, from a transactional outbox.</summary>
public sealed class WebhooksFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookDispatcher>();
        services.AddHostedService<WebhookWorker>();
        // Outgoing calls to portals: only allowed addresses, no redirects, bounded time; responses are not read.
        services.AddHttpClient(WebhookDispatcher.Client)
            .ConfigurePrimaryHttpMessageHandler(provider => OutboundGuard.Handler(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateAddresses))
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(30));
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapWebhookEndpoints();
}

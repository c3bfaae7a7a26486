using ContentHub.Api.Http;
using ContentHub.Data;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Webhooks;

/// <summary>Fans out new events and sends due deliveries, every <see cref="WebhookOptions.PollInterval"/>.</summary>
public sealed partial class WebhookWorker(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, DatabaseOutage outage, TimeProvider clock, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                bool busy;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var dispatcher = scope.ServiceProvider.GetRequiredService<WebhookDispatcher>();
                    busy = await dispatcher.FanOutAsync(stoppingToken).ConfigureAwait(false) + await dispatcher.DeliverAsync(stoppingToken).ConfigureAwait(false) > 0;
                }
                while (busy && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && DatabaseUnavailable.Is(exception))
            {
                outage.Noticed(exception);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailure(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook worker failed; trying again at the next tick")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}

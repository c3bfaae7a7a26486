using ContentHub.Api.Http;
using ContentHub.Data;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Scheduling;

/// <summary>Runs <see cref="ScheduledPublisher"/> every <see cref="SchedulingOptions.Interval"/>, on the injected clock; a failure is logged and the next tick tries again.</summary>
public sealed partial class ScheduledPublishingWorker(IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, DatabaseOutage outage, TimeProvider clock, ILogger<ScheduledPublishingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ScheduledPublisher>().RunOnceAsync(stoppingToken).ConfigureAwait(false);
                if (result.Published + result.Unpublished + result.Cancelled > 0)
                {
                    LogRun(logger, result.Published, result.Unpublished, result.Cancelled);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && DatabaseUnavailable.Is(exception))
            {
                // Logged once as the outage it is; the next tick tries again.
                outage.Noticed(exception);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailure(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled publishing: {Published} published, {Unpublished} taken down, {Cancelled} schedules cancelled")]
    private static partial void LogRun(ILogger logger, int published, int unpublished, int cancelled);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing failed; trying again at the next tick")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}

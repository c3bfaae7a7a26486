using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>Runs <see cref="MediaRemoval.CleanUpAsync"/> an hour after start and then daily (unless <see cref="MediaOptions.CleanUpUnusedFiles"/> is off).</summary>
public sealed partial class UnusedFileCleanup(IServiceScopeFactory scopes, IOptions<MediaOptions> options, TimeProvider clock, ILogger<UnusedFileCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CleanUpUnusedFiles)
        {
            return;
        }

        await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<MediaRemoval>().CleanUpAsync(stoppingToken).ConfigureAwait(false);
                LogCleaned(logger, deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away; the next day tries again.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clean-up deleted {Count} unused file(s)")]
    private static partial void LogCleaned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clean-up of unused files failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

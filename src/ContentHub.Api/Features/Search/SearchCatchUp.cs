namespace ContentHub.Api.Features.Search;

/// <summary>
/// Re-indexes, shortly after start, the rows an older analysis indexed (after an upgrade that changes
/// <see cref="ContentHub.Search.TextAnalyzer.Version"/>, or the migration that brought search), so that
/// search works without anyone running the <c>reindex</c> command. Off with <c>Search:CatchUpOnStart=false</c>.
/// Several instances may run it at once: they write the same terms, and a batch that meets another's
/// write of a variant (its concurrency token) fails and is tried again.
/// </summary>
public sealed partial class SearchCatchUp(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<SearchCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Search:CatchUpOnStart", defaultValue: true))
        {
            return;
        }

        // Let start-up (migrations, the demo content) finish first.
        await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var rows = await scope.ServiceProvider.GetRequiredService<Reindexer>().RunAsync(null, stoppingToken).ConfigureAwait(false);
                if (rows > 0)
                {
                    LogCaughtUp(logger, rows);
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away, or another instance saved the same rows; try again a little later.
                LogFailed(logger, e);
                await Task.Delay(TimeSpan.FromMinutes(attempt), clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index caught up: {Rows} row(s) re-indexed")]
    private static partial void LogCaughtUp(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-indexing stale search rows failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

namespace ContentHub.Api.Features.Search;

/// <summary>
/// Re-indexes stale rows in the background: shortly after start (rows an older analysis indexed, after
/// an upgrade that changes <see cref="ContentHub.Search.TextAnalyzer.Version"/>), whenever a save in this
/// process leaves rows stale (a renamed category, a changed caption: <see cref="SearchDependents"/>),
/// and every few minutes for what other instances left. Off with <c>Search:BackgroundIndexing=false</c>.
/// Several instances may run at once: they write the same terms, and a batch that meets another's write
/// of a variant (its concurrency token) fails and is tried again.
/// </summary>
public sealed partial class SearchBackgroundIndexer(
    IServiceScopeFactory scopes, StaleSearchRows stale, IConfiguration configuration, TimeProvider clock, ILogger<SearchBackgroundIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Search:BackgroundIndexing", defaultValue: true))
        {
            return;
        }

        // Let start-up (migrations, the demo content) finish first, unless a save asks sooner.
        await stale.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken).ConfigureAwait(false);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var rows = await scope.ServiceProvider.GetRequiredService<Reindexer>().RunAsync(null, stoppingToken).ConfigureAwait(false);
                if (rows > 0)
                {
                    LogCaughtUp(logger, rows);
                }

                failures = 0;
                await stale.WaitAsync(Poll, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away, or another instance saved the same rows; try again a little later.
                LogFailed(logger, e);
                failures++;
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 5 << Math.Min(failures, 6))), clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index caught up: {Rows} row(s) re-indexed")]
    private static partial void LogCaughtUp(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-indexing stale search rows failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

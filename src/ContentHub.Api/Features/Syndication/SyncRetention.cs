using ContentHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Syndication;

/// <summary>Configuration section <c>Sync</c>.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>How long changes are kept for portals to catch up; a cursor older than that must sync from the start.</summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether this instance prunes (hourly); running it on several is safe.</summary>
    public bool PruneEnabled { get; set; } = true;
}

/// <summary>
/// Deletes sync changes older than <see cref="SyncOptions.RetainFor"/> and records the highest
/// transaction id it deleted, in the same statement, so that a cursor from before it is refused
/// (410) instead of silently missing what was pruned.
/// </summary>
public sealed class SyncRetention(ContentHubDbContext db, IOptions<SyncOptions> options, TimeProvider clock)
{
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.RetainFor;
        var pruned = await db.Database.SqlQuery<int>($"""
            WITH gone AS (DELETE FROM sync_changes WHERE at < {cutoff} RETURNING transaction_id),
                 mark AS (UPDATE sync_pruning SET pruned_through = GREATEST(pruned_through, (SELECT max(transaction_id) FROM gone))
                          WHERE id = 1 AND EXISTS (SELECT 1 FROM gone))
            SELECT count(*)::int AS "Value" FROM gone
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return pruned[0];
    }

    public async Task<long> PrunedThroughAsync(CancellationToken cancellationToken) =>
        await db.SyncPruning.AsNoTracking().Select(p => p.PrunedThrough).SingleAsync(cancellationToken).ConfigureAwait(false);
}

/// <summary>Prunes old sync changes once an hour.</summary>
public sealed partial class SyncRetentionWorker(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider clock, ILogger<SyncRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PruneEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pruned = await scope.ServiceProvider.GetRequiredService<SyncRetention>().PruneAsync(stoppingToken).ConfigureAwait(false);
                if (pruned > 0)
                {
                    LogPruned(logger, pruned);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailure(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} old sync changes")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning sync changes failed; trying again in an hour")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}

using ContentHub.Data;
using ContentHub.Data.Configurations;
using ContentHub.Domain.Content;
using ContentHub.Domain.Publishing;
using ContentHub.Search;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// Re-indexes rows whose index is older than the analysis (<see cref="TextAnalyzer.Version"/>), or all
/// of them, in batches that each commit: stopped half-way, it goes on from where it was when run again,
/// since a re-indexed row carries the current version. Saving a row bumps its concurrency token, so an
/// editor's open edit of it answers 412 and is read again.
/// </summary>
public sealed class Reindexer(ContentHubDbContext db, SearchIndexer indexer)
{
    public const int BatchSize = 200;

    /// <summary>Progress of one table: rows done out of the rows that were stale when it began.</summary>
    public readonly record struct Progress(string Table, int Done, int Total);

    /// <summary>Marks every row stale, so that the next <see cref="RunAsync"/> re-indexes it (one statement per table).</summary>
    public async Task MarkAllStaleAsync(CancellationToken cancellationToken)
    {
        await db.Variants.ExecuteUpdateAsync(s => s.SetProperty(v => EF.Property<short>(v, SearchColumns.Version), (short)0), cancellationToken).ConfigureAwait(false);
        await db.PublishedEntries.ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<short>(e, SearchColumns.Version), (short)0), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-indexes every stale row; returns how many.</summary>
    public async Task<int> RunAsync(IProgress<Progress>? progress, CancellationToken cancellationToken)
    {
        var variants = await RunAsync(
            db.Variants.Where(v => EF.Property<short>(v, SearchColumns.Version) < TextAnalyzer.Version).OrderBy(v => v.ItemId).ThenBy(v => v.Language),
            async batch =>
            {
                // The items too, for their tags, category and files.
                var itemIds = batch.Select(v => v.ItemId).Distinct().ToList();
                await db.Items.Where(i => itemIds.Contains(i.Id)).LoadAsync(cancellationToken).ConfigureAwait(false);
                await indexer.IndexAsync(batch.ConvertAll(db.Entry), [], cancellationToken).ConfigureAwait(false);
            },
            "language variants", progress, cancellationToken).ConfigureAwait(false);
        var entries = await RunAsync(
            db.PublishedEntries.Where(e => EF.Property<short>(e, SearchColumns.Version) < TextAnalyzer.Version).OrderBy(e => e.ItemId).ThenBy(e => e.Language),
            batch => indexer.IndexAsync([], batch.ConvertAll(db.Entry), cancellationToken).AsTask(),
            "published entries", progress, cancellationToken).ConfigureAwait(false);
        return variants + entries;
    }

    // Batch after batch of the stale rows, in key order, until none is left; each batch commits.
    private async Task<int> RunAsync<T>(IOrderedQueryable<T> stale, Func<List<T>, Task> index, string table, IProgress<Progress>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var total = await stale.CountAsync(cancellationToken).ConfigureAwait(false);
        var done = 0;
        while (done < total)
        {
            var batch = await stale.Take(BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            await index(batch).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            done = Math.Min(done + batch.Count, total);
            progress?.Report(new Progress(table, done, total));
        }

        return total;
    }
}

using System.Runtime.CompilerServices;
using ContentHub.Data;
using ContentHub.Data.Configurations;
using ContentHub.Domain.Content;
using ContentHub.Domain.Publishing;
using ContentHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// Keeps the search index in step with the text, in the same unit of work: before any save, every
/// language variant (what editors search) and published entry (what portals search) whose text, tags,
/// category or files changed gets its index terms anew. Whatever writes content, the index follows.
/// Rows that only hold another row's text (a category's name, a file's caption) are marked stale
/// instead, and re-indexed in the background: see <see cref="SearchDependents"/>.
/// </summary>
public sealed class SearchIndexer(SearchSources sources, StaleSearchRows stale) : SaveChangesInterceptor
{
    // The dependents a save marked stale, to mark again once it committed: a background run that read
    // the old names between the first mark and the commit would otherwise leave them in the index.
    private static readonly ConditionalWeakTable<DbContext, SearchDependents> Marked = [];

    private static readonly string[] VariantText = [nameof(ContentVariant.Title), nameof(ContentVariant.Summary), nameof(ContentVariant.BodyHtml)];
    private static readonly string[] EntryText = [nameof(PublishedEntry.Title), nameof(PublishedEntry.Summary), nameof(PublishedEntry.BodyHtml),
        nameof(PublishedEntry.Tags), nameof(PublishedEntry.CategoryId), nameof(PublishedEntry.Files)];
    private static readonly string[] ItemFields = [nameof(ContentItem.Tags), nameof(ContentItem.CategoryId)];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await IndexAsync(ChangedVariants(context), ChangedEntries(context), cancellationToken).ConfigureAwait(false);
            await MarkDependentsAsync(context, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            IndexAsync(ChangedVariants(context), ChangedEntries(context), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            MarkDependentsAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await AfterSaveAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSaveAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Marked.Remove(eventData.Context!);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Marked.Remove(eventData.Context!);

    private static async Task MarkDependentsAsync(DbContext context, CancellationToken cancellationToken)
    {
        var dependents = SearchDependents.Changing(context);
        if (!dependents.IsEmpty && context is ContentHubDbContext db)
        {
            await dependents.MarkStaleAsync(db, cancellationToken).ConfigureAwait(false);
            Marked.AddOrUpdate(context, dependents);
        }
    }

    private async Task AfterSaveAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is ContentHubDbContext db && Marked.TryGetValue(context, out var dependents))
        {
            Marked.Remove(context);
            if (db.Database.CurrentTransaction is null)
            {
                await dependents.MarkStaleAsync(db, cancellationToken).ConfigureAwait(false);
            }

            stale.Notify();
        }
    }

    /// <summary>Writes the index terms of these rows (tracked by their context), whatever changed.</summary>
    public async ValueTask IndexAsync(IReadOnlyList<EntityEntry<ContentVariant>> variants, IReadOnlyList<EntityEntry<PublishedEntry>> entries, CancellationToken cancellationToken)
    {
        if (variants.Count == 0 && entries.Count == 0)
        {
            return;
        }

        var context = (variants.Count > 0 ? variants[0].Context : entries[0].Context);
        var items = context.ChangeTracker.Entries<ContentItem>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var known = await sources.LoadAsync(
            variants.Select(v => items.GetValueOrDefault(v.Entity.ItemId)?.CategoryId).OfType<Guid>().Concat(entries.Select(e => e.Entity.CategoryId)),
            variants.SelectMany(v => items.GetValueOrDefault(v.Entity.ItemId)?.Files.Select(f => f.FileId) ?? []).Concat(entries.SelectMany(e => e.Entity.Files.Select(f => f.Id))),
            cancellationToken).ConfigureAwait(false);

        foreach (var variant in variants)
        {
            Write(variant, SearchSources.Of(variant.Entity, items.GetValueOrDefault(variant.Entity.ItemId), known));
        }

        foreach (var entry in entries)
        {
            Write(entry, SearchSources.Of(entry.Entity, known));
        }
    }

    private static void Write(EntityEntry row, SearchDocument document)
    {
        row.Property(SearchColumns.Terms).CurrentValue = document.ToLiteral();
        row.Property(SearchColumns.Version).CurrentValue = TextAnalyzer.Version;
    }

    private static List<EntityEntry<ContentVariant>> ChangedVariants(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var itemsChanged = tracker.Entries<ContentItem>().Where(i => i.State == EntityState.Modified && ItemFields.Any(p => i.Property(p).IsModified))
            .Select(i => i.Entity.Id)
            .Concat(tracker.Entries<ItemFile>().Where(f => f.State is EntityState.Added or EntityState.Deleted).Select(f => f.Entity.ItemId))
            .ToHashSet();
        return tracker.Entries<ContentVariant>()
            .Where(v => v.State == EntityState.Added
                || (v.State == EntityState.Modified && VariantText.Any(p => v.Property(p).IsModified))
                || (v.State is EntityState.Modified or EntityState.Unchanged && itemsChanged.Contains(v.Entity.ItemId)))
            .ToList();
    }

    private static List<EntityEntry<PublishedEntry>> ChangedEntries(DbContext context) =>
        context.ChangeTracker.Entries<PublishedEntry>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && EntryText.Any(p => e.Property(p).IsModified)))
            .ToList();
}

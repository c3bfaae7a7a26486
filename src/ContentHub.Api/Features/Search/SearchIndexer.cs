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
/// </summary>
public sealed class SearchIndexer(SearchSources sources) : SaveChangesInterceptor
{
    private static readonly string[] VariantText = [nameof(ContentVariant.Title), nameof(ContentVariant.Summary), nameof(ContentVariant.BodyHtml)];
    private static readonly string[] EntryText = [nameof(PublishedEntry.Title), nameof(PublishedEntry.Summary), nameof(PublishedEntry.BodyHtml),
        nameof(PublishedEntry.Tags), nameof(PublishedEntry.CategoryId), nameof(PublishedEntry.Files)];
    private static readonly string[] ItemFields = [nameof(ContentItem.Tags), nameof(ContentItem.CategoryId)];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await IndexAsync(ChangedVariants(context), ChangedEntries(context), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            IndexAsync(ChangedVariants(context), ChangedEntries(context), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
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

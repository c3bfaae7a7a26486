using ContentHub.Data;
using ContentHub.Data.Configurations;
using ContentHub.Domain.Media;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// Rows whose index holds text kept in another row: a category's names (in its items' variants and
/// published entries) and a file's captions (in the variants of items that carry the file; a published
/// entry keeps the captions it was published with). When such text changes, the dependent rows are
/// marked stale and <see cref="SearchBackgroundIndexer"/> re-indexes them within seconds, so renaming a
/// category used by thousands of items does not re-analyse them all inside the editor's request.
/// </summary>
public sealed record SearchDependents(IReadOnlyList<Guid> CategoryIds, IReadOnlyList<Guid> FileIds)
{
    public bool IsEmpty => CategoryIds.Count == 0 && FileIds.Count == 0;

    /// <summary>The categories whose names and the files whose captions a save is about to change.</summary>
    public static SearchDependents Changing(DbContext context)
    {
        var tracker = context.ChangeTracker;
        // A new category has no items yet.
        var added = tracker.Entries<Category>().Where(c => c.State == EntityState.Added).Select(c => c.Entity.Id).ToHashSet();
        var categories = tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Metadata.IsOwned() && e.Metadata.FindOwnership()!.PrincipalEntityType.ClrType == typeof(Category))
            .Select(e => (Guid)e.Property("CategoryId").CurrentValue!)
            .Where(id => !added.Contains(id))
            .Distinct().ToList();
        var files = tracker.Entries<MediaCaption>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.FileId)
            .Distinct().ToList();
        return new SearchDependents(categories, files);
    }

    /// <summary>Marks the dependent rows stale (one statement per table and kind of dependency).</summary>
    public async Task MarkStaleAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        if (CategoryIds.Count > 0)
        {
            var categories = CategoryIds;
            await db.Variants.Where(v => db.Items.Any(i => i.Id == v.ItemId && categories.Contains(i.CategoryId)))
                .ExecuteUpdateAsync(s => s.SetProperty(v => EF.Property<short>(v, SearchColumns.Version), (short)0), cancellationToken).ConfigureAwait(false);
            await db.PublishedEntries.Where(e => categories.Contains(e.CategoryId))
                .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<short>(e, SearchColumns.Version), (short)0), cancellationToken).ConfigureAwait(false);
        }

        if (FileIds.Count > 0)
        {
            var files = FileIds;
            await db.Variants.Where(v => db.ItemFiles.Any(f => f.ItemId == v.ItemId && files.Contains(f.FileId)))
                .ExecuteUpdateAsync(s => s.SetProperty(v => EF.Property<short>(v, SearchColumns.Version), (short)0), cancellationToken).ConfigureAwait(false);
        }
    }
}

using ContentHub.Api.Features.Content;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Publishing;
using ContentHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Publishing;

/// <summary>
/// Keeps <see cref="PublishedEntry"/> rows and the item's <see cref="PublishedItem"/> row in step with
/// an item, in the caller's unit of work (the caller saves). A published item shows each language whose
/// current text is cleared; a language whose text changed since its approval keeps showing the approved
/// text; a withdrawn language, or every language of an item that is no longer published, disappears.
/// What the languages share (kind, category, publication window) is taken from the item when one of
/// its languages is approved, and applies to all of them.
/// </summary>
public sealed class PublicationProjector(ContentHubDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Brings the item's entries in step; <paramref name="latest"/> is what the caller already loaded,
    /// if it did. When anything portals see changed, a <see cref="SyncChange"/> and the webhook events go into
    /// the same unit of work.
    /// </summary>
    public async Task RefreshAsync(ContentItem item, LatestRevisions? latest, CancellationToken cancellationToken)
    {
        await ProjectAsync(item, latest, cancellationToken).ConfigureAwait(false);
        var entries = db.ChangeTracker.Entries<PublishedEntry>().Where(e => e.Entity.ItemId == item.Id && IsChanged(e.State)).ToList();
        if (entries.Count > 0 || db.ChangeTracker.Entries<PublishedItem>().Any(e => e.Entity.ItemId == item.Id && IsChanged(e.State)))
        {
            var now = clock.GetUtcNow();
            db.SyncChanges.Add(SyncChange.Of(item.Id, now));
            // One webhook event per language whose entry appeared, changed or went (the outbox).
            foreach (var entry in entries)
            {
                var type = entry.State switch
                {
                    EntityState.Added => "content.published",
                    EntityState.Deleted => "content.unpublished",
                    _ => "content.updated",
                };
                db.WebhookEvents.Add(WebhookEvent.Of(type, item.Id, entry.Entity.Language.Code, item.Kind.ToString(), item.CategoryId, now));
            }
        }
    }

    private static bool IsChanged(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private async Task ProjectAsync(ContentItem item, LatestRevisions? latest, CancellationToken cancellationToken)
    {
        var entries = await db.PublishedEntries.Where(e => e.ItemId == item.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var shared = await db.PublishedItems.FindAsync([item.Id], cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (item.State != EditorialState.Published)
        {
            db.PublishedEntries.RemoveRange(entries);
            Remove(shared);
            return;
        }

        latest ??= await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        var shown = false;
        var files = await AttachedAsync(item, cancellationToken).ConfigureAwait(false);

        foreach (var variant in item.Variants)
        {
            var entry = entries.Find(e => e.Language == variant.Language);
            if (latest.IsCleared(item, variant))
            {
                if (entry is null)
                {
                    entry = PublishedEntry.For(item, variant);
                    db.PublishedEntries.Add(entry);
                    entries.Add(entry);
                }

                if (entry.RevisionId != variant.Review!.RevisionId || entry.PublishedAt != item.PublishedAt)
                {
                    entry.Show(item, variant, variant.Review.RevisionId, variant.Review.At, files.For(variant.Language.Code, variant.BodyHtml), now);
                    shown = true;
                }
            }
            else if (entry is not null && (variant.Withdrawn || variant.Review is null))
            {
                db.PublishedEntries.Remove(entry);
                entries.Remove(entry);
            }
        }

        // Languages deleted from the item altogether go too.
        foreach (var orphan in entries.Where(e => item.FindVariant(e.Language) is null).ToList())
        {
            db.PublishedEntries.Remove(orphan);
            entries.Remove(orphan);
        }

        if (entries.Count == 0)
        {
            Remove(shared);
            return;
        }

        if (shared is null)
        {
            shared = PublishedItem.For(item, now);
            db.PublishedItems.Add(shared);
        }
        else if (shown)
        {
            shared.Show(item, now);
        }
        else
        {
            shared.Follow(item, now);
        }

        var source = entries.Find(e => e.Language == item.SourceLanguage);
        foreach (var entry in entries)
        {
            entry.Follow(shared, now);
            entry.CompareWithSource(source, now);
        }

        shared.List(entries);
    }

    // The item's files, the images its texts place, and their captions, read once for all its languages.
    private async Task<AttachedFiles> AttachedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var ids = item.Files.Select(f => f.FileId).Concat(item.Variants.SelectMany(v => Media.InlineImages.In(v.BodyHtml))).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new AttachedFiles([], [], []);
        }

        var files = await db.MediaFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken).ConfigureAwait(false);
        var captions = await db.MediaCaptions.AsNoTracking().Where(c => ids.Contains(c.FileId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AttachedFiles(item.Files.Select(f => f.Link).ToList(), files, captions.ToDictionary(c => (c.FileId, c.Language.Code)));
    }

    private sealed record AttachedFiles(List<FileLink> Links, Dictionary<Guid, Domain.Media.MediaFile> Files, Dictionary<(Guid, string), Domain.Media.MediaCaption> Captions)
    {
        /// <summary>The files of one language's entry: the attached ones, then the images its text places (those that exist).</summary>
        public List<PublishedFile> For(string language, string bodyHtml) =>
        [
            .. PublishedFile.For(Links, language, Files, Captions),
            .. Media.InlineImages.In(bodyHtml)
                .Where(id => Files.TryGetValue(id, out var file) && file.IsImage)
                .Select(id => PublishedFile.Inline(Files[id], Captions.GetValueOrDefault((id, language)))),
        ];
    }

    private void Remove(PublishedItem? shared)
    {
        if (shared is not null)
        {
            db.PublishedItems.Remove(shared);
        }
    }

    /// <summary>Fills in entries for published items that have none, as after upgrading a database from before this table.</summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken)
    {
        var missing = await db.Items.Include(i => i.Variants)
            .Where(i => i.State == EditorialState.Published && !db.PublishedEntries.Any(e => e.ItemId == i.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var item in missing)
        {
            await RefreshAsync(item, latest: null, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return missing.Count;
    }
}

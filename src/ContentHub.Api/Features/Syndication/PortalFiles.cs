using ContentHub.Data;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// Which files a portal may download: those of entries it is shown — published items of its kinds
/// and categories, inside their publication window, in its languages and their fallbacks, reviewed
/// text only unless it accepts machine translation. Anything else is, to the portal, not there.
/// </summary>
public sealed class PortalFiles(ContentHubDbContext db, TimeProvider clock)
{
    /// <summary>The file as the portal's entries carry it, or null when the portal may not have it.</summary>
    public async Task<PublishedFile?> FindAsync(Portal portal, Guid fileId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var languages = portal.Languages.SelectMany(l => l.Chain).Distinct().ToList();
        var machine = portal.AcceptsUnreviewedMachineTranslation;
        // The few items attached to the file or whose published texts place it (index probes), then their entries by primary key.
        var carrying = $"[{{\"id\":\"{fileId}\"}}]";
        var items = await db.ItemFiles.Where(f => f.FileId == fileId).Select(f => f.ItemId)
            .Union(db.PublishedEntries.FromSqlInterpolated($"SELECT * FROM published_entries WHERE files @> {carrying}::jsonb").Select(e => e.ItemId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return null;
        }

        var entries = await (
                from e in db.PublishedEntries
                join i in db.PublishedItems on e.ItemId equals i.ItemId
                where items.Contains(e.ItemId)
                    && languages.Contains(e.Language) && (machine || !e.MachineTranslated)
                    && (i.UnpublishAt == null || i.UnpublishAt > now)
                select new { e.Kind, e.CategoryId, e.Files })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return entries.Where(e => portal.Carries(e.Kind, e.CategoryId)).SelectMany(e => e.Files).FirstOrDefault(f => f.Id == fileId);
    }
}

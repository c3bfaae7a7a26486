using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// What a portal may see, in the language it asks for: published items of the kinds and categories it
/// carries, inside their publication window, each with its entry in the first language of the portal's
/// fallback chain it has one in. Built as one query; EF Core sends it as parameterised SQL, in which
/// each item costs a primary-key probe per language of the chain, so the newest page reads a page of
/// items from their index and stops.
/// </summary>
public sealed class PortalEntries(ContentHubDbContext db, TimeProvider clock)
{
    public IQueryable<Listing> Visible(Portal portal, ContentKind kind, IReadOnlyList<LanguageTag> chain)
    {
        var now = clock.GetUtcNow();
        var items = db.PublishedItems.Where(i => i.Kind == kind && (i.UnpublishAt == null || i.UnpublishAt > now));
        if (portal.CategoryIds.Count > 0)
        {
            var categories = portal.CategoryIds;
            items = items.Where(i => categories.Contains(i.CategoryId));
        }

        // Each item's best language is a scalar subquery PostgreSQL evaluates per item and uses as a
        // primary-key condition. (A correlated Take(1) would be turned into ROW_NUMBER() over every entry.)
        var candidates = Readable(portal).Where(ChainExpressions.InChain<PublishedEntry>(chain, e => e.Language));
        var rank = ChainExpressions.Rank<PublishedEntry>(chain, e => e.Language);
        return from i in items
               join e in db.PublishedEntries on i.ItemId equals e.ItemId
               where e.Language == candidates.Where(o => o.ItemId == i.ItemId).OrderBy(rank).Select(o => o.Language).FirstOrDefault()
               select new Listing { Item = i, Entry = e };
    }

    /// <summary>Entries the portal may be shown in any language: all, or only those a person reviewed.</summary>
    public IQueryable<PublishedEntry> Readable(Portal portal) =>
        portal.AcceptsUnreviewedMachineTranslation ? db.PublishedEntries : db.PublishedEntries.Where(e => !e.MachineTranslated);
}

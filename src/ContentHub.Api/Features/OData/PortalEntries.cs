using System.Linq.Expressions;
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
/// each item costs a primary-key probe per language of the chain (a lateral join), so the newest page
/// reads a page of items from their index and stops.
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

        var entries = Readable(portal).Where(InChain(chain));
        var rank = Rank(chain);
        return items.SelectMany(
            i => entries.Where(e => e.ItemId == i.ItemId).OrderBy(rank).Take(1),
            (i, e) => new Listing { Item = i, Entry = e });
    }

    /// <summary>Entries the portal may be shown in any language: all, or only those a person reviewed.</summary>
    public IQueryable<PublishedEntry> Readable(Portal portal) =>
        portal.AcceptsUnreviewedMachineTranslation ? db.PublishedEntries : db.PublishedEntries.Where(e => !e.MachineTranslated);

    // e.Language == chain[0] || e.Language == chain[1] || …
    private static Expression<Func<PublishedEntry, bool>> InChain(IReadOnlyList<LanguageTag> chain)
    {
        var e = Expression.Parameter(typeof(PublishedEntry), "e");
        return Expression.Lambda<Func<PublishedEntry, bool>>(chain.Select(language => (Expression)Is(e, language)).Aggregate(Expression.OrElse), e);
    }

    // CASE WHEN e.Language = chain[0] THEN 0 WHEN e.Language = chain[1] THEN 1 … END: the better language first.
    private static Expression<Func<PublishedEntry, int>> Rank(IReadOnlyList<LanguageTag> chain)
    {
        var e = Expression.Parameter(typeof(PublishedEntry), "e");
        Expression rank = Expression.Constant(chain.Count);
        for (var position = chain.Count - 1; position >= 0; position--)
        {
            rank = Expression.Condition(Is(e, chain[position]), Expression.Constant(position), rank);
        }

        return Expression.Lambda<Func<PublishedEntry, int>>(rank, e);
    }

    private static BinaryExpression Is(ParameterExpression entry, LanguageTag language)
    {
        Expression<Func<LanguageTag>> value = () => language;
        return Expression.Equal(Expression.Property(entry, nameof(PublishedEntry.Language)), value.Body);
    }
}

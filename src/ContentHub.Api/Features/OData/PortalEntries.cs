using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;
using ContentHub.OData;

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
    // Building a portal's query takes longer than PostgreSQL takes to answer it, so each one is built
    // once per portal (a changed portal is a new instance), kind and chain, and only the clock is read
    // per request. What is cached depends on nothing else of the request.
    private static readonly ConditionalWeakTable<Portal, ConcurrentDictionary<(ContentKind, string), Expression>> Built = [];
    private static readonly PropertyMap<Listing>?[] Maps = new PropertyMap<Listing>?[2];

    public IQueryable<Listing> Visible(Portal portal, ContentKind kind, IReadOnlyList<LanguageTag> chain)
    {
        var shape = Built.GetOrCreateValue(portal).GetOrAdd((kind, ChainKey(chain)), _ => DetachedExpressions.Detach(Build(portal, kind, chain).Expression));
        var now = clock.GetUtcNow();
        return ((IQueryable)db.PublishedItems).Provider.CreateQuery<Listing>(shape).Where(l => l.Item.UnpublishAt == null || l.Item.UnpublishAt > now);
    }

    /// <summary>
    /// The items <see cref="Visible"/> shows, each with the narrow search row of its entry in the first
    /// language of the chain it has: for a search, which reads every match. The language is checked
    /// against the item's list of (reviewed) languages instead of by a lookup per item, which over
    /// 20,000 items cost more than the search itself.
    /// </summary>
    /// <param name="portal">The portal searched.</param>
    /// <param name="items">Its items to search among: <see cref="Items"/>, narrowed by the reader's filters.</param>
    /// <param name="chain">The language asked for and its fallbacks.</param>
    public IQueryable<SearchListing> Searchable(Portal portal, IQueryable<PublishedItem> items, IReadOnlyList<LanguageTag> chain)
    {
        var rows = portal.AcceptsUnreviewedMachineTranslation ? db.PublishedEntrySearches : db.PublishedEntrySearches.Where(e => !e.MachineTranslated);
        var listings = from i in items
                       join e in rows on i.ItemId equals e.ItemId
                       select new SearchListing { Item = i, Entry = e };
        return listings.Where(FirstOfChain(chain, portal.AcceptsUnreviewedMachineTranslation));
    }

    /// <summary>The published items of the kinds asked for (which the portal carries), inside their window, whatever their languages.</summary>
    public IQueryable<PublishedItem> Items(Portal portal, IReadOnlyList<ContentKind> kinds)
    {
        // Every kind: no condition, so that the newest are read from the index on the publication time alone.
        var items = kinds.Count == Enum.GetValues<ContentKind>().Length ? db.PublishedItems : db.PublishedItems.Where(i => kinds.Contains(i.Kind));
        if (portal.CategoryIds.Count > 0)
        {
            var categories = portal.CategoryIds;
            items = items.Where(i => categories.Contains(i.CategoryId));
        }

        var now = clock.GetUtcNow();
        return items.Where(i => i.UnpublishAt == null || i.UnpublishAt > now);
    }

    // l => l.Entry.Language == chain[0] || (l.Entry.Language == chain[1] && !languages.Contains(chain[0])) || …
    private static Expression<Func<SearchListing, bool>> FirstOfChain(IReadOnlyList<LanguageTag> chain, bool machineTranslated)
    {
        var listing = Expression.Parameter(typeof(SearchListing), "l");
        var language = Expression.Property(Expression.Property(listing, nameof(SearchListing.Entry)), nameof(PublishedEntrySearch.Language));
        var languages = Expression.Property(Expression.Property(listing, nameof(SearchListing.Item)),
            machineTranslated ? nameof(PublishedItem.Languages) : nameof(PublishedItem.ReviewedLanguages));
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string));
        Expression? any = null;
        for (var k = 0; k < chain.Count; k++)
        {
            Expression clause = Expression.Equal(language, Expression.Constant(chain[k]));
            for (var j = 0; j < k; j++)
            {
                clause = Expression.AndAlso(clause, Expression.Not(Expression.Call(contains, languages, Expression.Constant(chain[j].Code))));
            }

            any = any is null ? clause : Expression.OrElse(any, clause);
        }

        return Expression.Lambda<Func<SearchListing, bool>>(any ?? Expression.Constant(false), listing);
    }

    /// <summary>The properties a portal's queries may filter and order by (which languages it is told of depends on what it may read).</summary>
    public PropertyMap<Listing> Map(Portal portal) =>
        Maps[portal.AcceptsUnreviewedMachineTranslation ? 1 : 0] ??= EntryMap.For(DetachedExpressions.Detach(Readable(portal).Expression));

    /// <summary>A key naming a fallback chain, for caches of what is built per chain.</summary>
    public static string ChainKey(IReadOnlyList<LanguageTag> chain) => string.Join(' ', chain.Select(l => l.Code));

    private IQueryable<Listing> Build(Portal portal, ContentKind kind, IReadOnlyList<LanguageTag> chain)
    {
        var items = db.PublishedItems.Where(i => i.Kind == kind);
        if (portal.CategoryIds.Count > 0)
        {
            var categories = portal.CategoryIds;
            items = items.Where(i => categories.Contains(i.CategoryId));
        }

        var query = from i in items
                    join e in db.PublishedEntries on i.ItemId equals e.ItemId
                    where (LanguageTag?)e.Language == BestLanguage(i.ItemId)
                    select new Listing { Item = i, Entry = e };
        return query.Provider.CreateQuery<Listing>(new BestLanguageExpander(Readable(portal), chain).Visit(query.Expression));
    }

    /// <summary>Entries the portal may be shown in any language: all, or only those a person reviewed.</summary>
    public IQueryable<PublishedEntry> Readable(Portal portal) =>
        portal.AcceptsUnreviewedMachineTranslation ? db.PublishedEntries : db.PublishedEntries.Where(e => !e.MachineTranslated);

    // A placeholder in the query, replaced by BestLanguageExpander before EF Core sees it.
    private static LanguageTag? BestLanguage(Guid itemId) => throw new NotSupportedException($"{itemId} is only for queries.");

    /// <summary>
    /// Replaces <see cref="BestLanguage"/> with the item's first chain language it has a readable entry in:
    /// <c>COALESCE((SELECT language … = chain[0]), (SELECT language … = chain[1]), …)</c>, each a primary-key
    /// lookup that PostgreSQL evaluates per item and then uses to fetch the entry, so a list never reads
    /// entries of the items it does not show.
    /// </summary>
    private sealed class BestLanguageExpander(IQueryable<PublishedEntry> readable, IReadOnlyList<LanguageTag> chain) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(BestLanguage) || node.Method.DeclaringType != typeof(PortalEntries))
            {
                return base.VisitMethodCall(node);
            }

            var itemId = Visit(node.Arguments[0]);
            return chain.Reverse().Select(language => (Expression)LanguageOf(itemId, language)).Aggregate((later, earlier) => Expression.Coalesce(earlier, later));
        }

        // readable.Where(o => o.ItemId == itemId && o.Language == language).Select(o => (LanguageTag?)o.Language).FirstOrDefault()
        private MethodCallExpression LanguageOf(Expression itemId, LanguageTag language)
        {
            Expression<Func<LanguageTag>> tag = () => language; // a closure, so EF Core sends a parameter
            var o = Expression.Parameter(typeof(PublishedEntry), "o");
            var column = Expression.Property(o, nameof(PublishedEntry.Language));
            var match = Expression.Lambda<Func<PublishedEntry, bool>>(
                Expression.AndAlso(Expression.Equal(Expression.Property(o, nameof(PublishedEntry.ItemId)), itemId), Expression.Equal(column, tag.Body)), o);
            var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(PublishedEntry)], readable.Expression, Expression.Quote(match));
            var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(PublishedEntry), typeof(LanguageTag?)], where,
                Expression.Quote(Expression.Lambda(Expression.Convert(column, typeof(LanguageTag?)), o)));
            return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(LanguageTag?)], select);
        }
    }
}

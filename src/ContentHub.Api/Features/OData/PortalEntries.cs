using System.Linq.Expressions;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// What a portal may see, in the language it asks for: entries of published items in its categories
/// and kinds, inside their publication window, one per item, in the first language of the portal's
/// fallback chain the item is available in. Built as one query; EF Core sends it as parameterised SQL.
/// </summary>
public sealed class PortalEntries(ContentHubDbContext db, TimeProvider clock)
{
    public IQueryable<PublishedEntry> Visible(Portal portal, ContentKind kind, IReadOnlyList<LanguageTag> chain) =>
        Carried(portal, kind).Where(FirstAvailableLanguage(chain));

    /// <summary>
    /// The same entries as <see cref="Visible"/>, as one query per language of the chain (the entries in
    /// that language whose item has none earlier in the chain). Each can walk the language's index in
    /// order, so the newest few of their union cost a few index reads instead of a sort of everything.
    /// </summary>
    public IReadOnlyList<IQueryable<PublishedEntry>> VisibleByLanguage(Portal portal, ContentKind kind, IReadOnlyList<LanguageTag> chain) =>
        chain.Select((_, position) => Carried(portal, kind).Where(InChainAt(chain, position))).ToList();

    /// <summary>Entries of the kind the portal carries, in every language (its chain not applied).</summary>
    public IQueryable<PublishedEntry> Carried(Portal portal, ContentKind kind)
    {
        var now = clock.GetUtcNow();
        var entries = db.PublishedEntries.Where(e => e.Kind == kind && (e.UnpublishAt == null || e.UnpublishAt > now));
        if (portal.CategoryIds.Count > 0)
        {
            var categories = portal.CategoryIds;
            entries = entries.Where(e => categories.Contains(e.CategoryId));
        }

        if (!portal.AcceptsUnreviewedMachineTranslation)
        {
            entries = entries.Where(e => !e.MachineTranslated);
        }

        return entries;
    }

    // e.Language == L0 || (e.Language == L1 && no entry of the item in L0) || (e.Language == L2 && none in L0, L1) …
    private Expression<Func<PublishedEntry, bool>> FirstAvailableLanguage(IReadOnlyList<LanguageTag> chain)
    {
        var e = Expression.Parameter(typeof(PublishedEntry), "e");
        var any = chain.Select((_, position) => Condition(e, chain, position)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<PublishedEntry, bool>>(any, e);
    }

    private Expression<Func<PublishedEntry, bool>> InChainAt(IReadOnlyList<LanguageTag> chain, int position)
    {
        var e = Expression.Parameter(typeof(PublishedEntry), "e");
        return Expression.Lambda<Func<PublishedEntry, bool>>(Condition(e, chain, position), e);
    }

    // In the chain's language at this position, and the item has no entry in an earlier one.
    private Expression Condition(ParameterExpression e, IReadOnlyList<LanguageTag> chain, int position)
    {
        Expression condition = Is(e, chain[position]);
        if (position == 0)
        {
            return condition;
        }

        var o = Expression.Parameter(typeof(PublishedEntry), "o");
        var earlier = chain.Take(position).Select(language => (Expression)Is(o, language)).Aggregate(Expression.OrElse);
        var sameItem = Expression.Equal(Expression.Property(o, nameof(PublishedEntry.ItemId)), Expression.Property(e, nameof(PublishedEntry.ItemId)));
        var exists = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(PublishedEntry)],
            ((IQueryable<PublishedEntry>)db.PublishedEntries).Expression, Expression.Quote(Expression.Lambda(Expression.AndAlso(sameItem, earlier), o)));
        return Expression.AndAlso(condition, Expression.Not(exists));
    }

    private static BinaryExpression Is(ParameterExpression entry, LanguageTag language)
    {
        Expression<Func<LanguageTag>> value = () => language;
        return Expression.Equal(Expression.Property(entry, nameof(PublishedEntry.Language)), value.Body);
    }
}

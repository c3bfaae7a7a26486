using System.Linq.Expressions;
using ContentHub.Data;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Publishing;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Which EDM property of an entry is which column of a <see cref="Listing"/> (as <see cref="EntryFields"/>
/// declares them), with the functions the store does itself and how language tags read as literals and text.
/// </summary>
public static class EntryMap
{
    /// <summary>
    /// The map for one portal's query: <c>AvailableLanguages</c> are the languages of the item among
    /// <paramref name="readable"/>, the entries the portal may be shown, so that a portal is never told
    /// of a language it would not be given.
    /// </summary>
    public static PropertyMap<Listing> For(IQueryable<PublishedEntry> readable) => For(readable.Expression);

    /// <summary>The same, for the expression of <c>readable</c> (which the map then holds, not the query object).</summary>
    public static PropertyMap<Listing> For(Expression readable)
    {
        var map = new PropertyMap<Listing>()
            .Literal(LanguageTag.Parse)
            .Text(LanguageTag.All, tag => tag.Code)
            .Function("second", (DateTimeOffset time) => (int)TimeFunctions.WholeSeconds(time))
            .Function("fractionalseconds", (DateTimeOffset time) => (decimal)TimeFunctions.FractionalSeconds(time))
            .Function("tolower", (string text) => TextFunctions.Lower(text))
            .Function("toupper", (string text) => TextFunctions.Upper(text));
        foreach (var field in EntryFields.All.Where(f => f.Column is not null))
        {
            map.Map(field.Name, field.Column!);
        }

        return map.Map("AvailableLanguages", LanguagesAmong(readable));
    }

    // l => readable.Where(o => o.ItemId == l.Item.ItemId).Select(o => o.Language), with readable's expression inline.
    private static Expression<Func<Listing, IQueryable<LanguageTag>>> LanguagesAmong(Expression readable)
    {
        var l = Expression.Parameter(typeof(Listing), "l");
        Expression<Func<PublishedEntry, Guid>> itemId = o => o.ItemId;
        Expression<Func<PublishedEntry, LanguageTag>> language = o => o.Language;
        var sameItem = Expression.Lambda<Func<PublishedEntry, bool>>(
            Expression.Equal(itemId.Body, Expression.Property(Expression.Property(l, nameof(Listing.Item)), nameof(PublishedItem.ItemId))), itemId.Parameters);
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(PublishedEntry)], readable, Expression.Quote(sameItem));
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(PublishedEntry), typeof(LanguageTag)], where, Expression.Quote(language));
        return Expression.Lambda<Func<Listing, IQueryable<LanguageTag>>>(select, l);
    }
}

using System.Linq.Expressions;
using ContentHub.Data;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Publishing;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Which EDM property of an entry is which column of a <see cref="Listing"/>: what all languages of an
/// item share is read from the item's row (so the newest-first order is its index's), the rest from the entry.
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
    public static PropertyMap<Listing> For(Expression readable) => new PropertyMap<Listing>()
        .Literal(LanguageTag.Parse)
        .Text(LanguageTag.All, tag => tag.Code)
        .Function("second", (DateTimeOffset time) => (int)TimeFunctions.WholeSeconds(time))
        .Function("fractionalseconds", (DateTimeOffset time) => (decimal)TimeFunctions.FractionalSeconds(time))
        .Function("tolower", (string text) => TextFunctions.Lower(text))
        .Function("toupper", (string text) => TextFunctions.Upper(text))
        .Map("Id", l => l.Item.ItemId)
        .Map("Language", l => l.Entry.Language)
        .Map("Title", l => l.Entry.Title)
        .Map("Summary", l => l.Entry.Summary)
        .Map("Body", l => l.Entry.BodyHtml)
        .Map("Slug", l => l.Entry.Slug)
        .Map("SeoDescription", l => l.Entry.SeoDescription)
        .Map("Tags", l => l.Entry.Tags)
        .Map("AvailableLanguages", LanguagesAmong(readable))
        .Map("PublishedAt", l => l.Item.PublishedAt)
        .Map("UpdatedAt", l => l.Entry.UpdatedAt)
        .Map("MachineTranslated", l => l.Entry.MachineTranslated)
        .Map("ReviewedAt", l => l.Entry.ReviewedAt)
        .Map("CategoryId", l => l.Item.CategoryId)
        .Map("DurationSeconds", l => l.Entry.VideoDurationSeconds)
        .Map("VideoUrl", l => l.Entry.VideoUrl)
        .Map("PosterUrl", l => l.Entry.PosterUrl)
        .Map("AssetType", l => l.Entry.PromoAssetType)
        .Map("UsageRights", l => l.Entry.UsageRights)
        .Map("RightsExpireOn", l => l.Entry.RightsExpireOn);

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

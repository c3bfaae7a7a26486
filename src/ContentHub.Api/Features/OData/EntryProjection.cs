using System.Collections.Concurrent;
using System.Linq.Expressions;
using ContentHub.Data;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Taxonomy;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The SELECT list of an entry query. Bodies are the bulk of a page, so the body, the languages and
/// the category (and the files) are read only when the client selected or expanded them; the languages are lists on
/// the item's row and the category comes from scalar subqueries, so no row is repeated per language
/// or per name. Each shape is built once (per chain when it includes the category's name).
/// </summary>
public static class EntryProjection
{
    private static readonly ConcurrentDictionary<(string Chain, bool ReviewedOnly, bool Body, bool Languages, bool Category, bool Files), Expression<Func<Listing, EntryView>>> Built = new();

    public static Expression<Func<Listing, EntryView>> For(
        IQueryable<Category> categories, IReadOnlyList<LanguageTag> chain, bool reviewedOnly, bool body, bool languages, bool category, bool files = false) =>
        Built.GetOrAdd((category ? PortalEntries.ChainKey(chain) : "", reviewedOnly, body, languages, category, files),
            _ => DetachedExpressions.Detach(Build(categories, chain, reviewedOnly, body, languages, category, files)));

    /// <summary><paramref name="projection"/> with the values of <c>$compute</c> properties added (built per query, never cached).</summary>
    public static Expression<Func<Listing, EntryView>> WithComputed(Expression<Func<Listing, EntryView>> projection, string[] names, Expression<Func<Listing, object?[]>> values)
    {
        var init = (MemberInitExpression)projection.Body;
        var row = projection.Parameters[0];
        var computed = Lambdas.Apply(values, row);
        return Expression.Lambda<Func<Listing, EntryView>>(
            Expression.MemberInit(init.NewExpression, init.Bindings
                .Append(Expression.Bind(typeof(EntryView).GetProperty(nameof(EntryView.Computed))!, computed))
                .Append(Expression.Bind(typeof(EntryView).GetProperty(nameof(EntryView.ComputedNames))!, Expression.Constant(names)))),
            row);
    }

    private static Expression<Func<Listing, EntryView>> Build(IQueryable<Category> categories, IReadOnlyList<LanguageTag> chain, bool reviewedOnly, bool body, bool languages, bool category, bool files)
    {
        var listing = Expression.Parameter(typeof(Listing), "l");
        var bindings = EntryFields.All
            .Where(f => !f.OnlyWhenSelected || (f.Name == nameof(EntryView.Body) ? body : languages))
            .Select(f => (MemberBinding)Expression.Bind(typeof(EntryView).GetProperty(f.Name)!, Read(f, listing, reviewedOnly)))
            .Append(Expression.Bind(typeof(EntryView).GetProperty(nameof(EntryView.Kind))!, Expression.Property(Expression.Property(listing, nameof(Listing.Item)), nameof(Domain.Publishing.PublishedItem.Kind))))
            .ToList();
        if (category)
        {
            bindings.Add(Expression.Bind(typeof(EntryView).GetProperty(nameof(EntryView.Category))!, Category(categories, chain, listing)));
        }

        if (files)
        {
            bindings.Add(Expression.Bind(typeof(EntryView).GetProperty(nameof(EntryView.PublishedFiles))!,
                Expression.Property(Expression.Property(listing, nameof(Listing.Entry)), nameof(Domain.Publishing.PublishedEntry.Files))));
        }

        return Expression.Lambda<Func<Listing, EntryView>>(Expression.MemberInit(Expression.New(typeof(EntryView)), bindings), listing);
    }

    // A field's SELECT expression over this listing; a portal that refuses unreviewed machine translation is told only of the reviewed languages.
    private static Expression Read(EntryFields.Field field, ParameterExpression listing, bool reviewedOnly) =>
        field.Name == nameof(EntryView.AvailableLanguages) && reviewedOnly
            ? Expression.Property(Expression.Property(listing, nameof(Listing.Item)), nameof(Domain.Publishing.PublishedItem.ReviewedLanguages))
            : Lambdas.Apply(field.Read, listing);

    // categories.Where(c => c.Id == l.Item.CategoryId).Select(CategoryMap.View(chain)).FirstOrDefault()
    private static MethodCallExpression Category(IQueryable<Category> categories, IReadOnlyList<LanguageTag> chain, ParameterExpression listing)
    {
        var c = Expression.Parameter(typeof(Category), "c");
        var categoryId = Expression.Property(Expression.Property(listing, nameof(Listing.Item)), nameof(Domain.Publishing.PublishedItem.CategoryId));
        var match = Expression.Lambda<Func<Category, bool>>(Expression.Equal(Expression.Property(c, nameof(Domain.Taxonomy.Category.Id)), categoryId), c);
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Category)], categories.Expression, Expression.Quote(match));
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Category), typeof(CategoryView)], where, Expression.Quote(CategoryMap.View(chain)));
        return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(CategoryView)], select);
    }
}

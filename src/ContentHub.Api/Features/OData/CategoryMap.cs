using System.Linq.Expressions;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Taxonomy;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Which EDM property of a category is which expression over <see cref="Category"/>. A category is
/// named in the first language of the portal's chain it has a name in, else in its name with the
/// lowest language tag, else by its slug; filters, orderings and the written name agree, since all
/// come from these expressions.
/// </summary>
public static class CategoryMap
{
    public static PropertyMap<Category> For(IReadOnlyList<LanguageTag> chain) => new PropertyMap<Category>()
        .Map("Id", c => c.Id)
        .Map("Slug", c => c.Slug)
        .Map("ParentId", c => c.ParentId)
        .Map("Name", Name(chain));

    /// <summary>The category as written, with its name picked in SQL (scalar subqueries, so no row is repeated per name).</summary>
    public static Expression<Func<Category, CategoryView>> View(IReadOnlyList<LanguageTag> chain)
    {
        var name = Name(chain);
        var language = NameLanguage(chain);
        var c = name.Parameters[0];
        return Expression.Lambda<Func<Category, CategoryView>>(
            Expression.MemberInit(
                Expression.New(typeof(CategoryView)),
                Expression.Bind(typeof(CategoryView).GetProperty(nameof(CategoryView.Id))!, Expression.Property(c, nameof(Category.Id))),
                Expression.Bind(typeof(CategoryView).GetProperty(nameof(CategoryView.Slug))!, Expression.Property(c, nameof(Category.Slug))),
                Expression.Bind(typeof(CategoryView).GetProperty(nameof(CategoryView.ParentId))!, Expression.Property(c, nameof(Category.ParentId))),
                Expression.Bind(typeof(CategoryView).GetProperty(nameof(CategoryView.Name))!, name.Body),
                Expression.Bind(typeof(CategoryView).GetProperty(nameof(CategoryView.Language))!, new Rebind(language.Parameters[0], c).Visit(language.Body))),
            c);
    }

    private static Expression<Func<Category, string>> Name(IReadOnlyList<LanguageTag> chain)
    {
        var inChain = ChainExpressions.InChain<LocalizedName>(chain, n => n.Language);
        var rank = ChainExpressions.Rank<LocalizedName>(chain, n => n.Language);
        return c => c.Names.AsQueryable().Where(inChain).OrderBy(rank).Select(n => n.Name).FirstOrDefault()
            ?? c.Names.OrderBy(n => n.Language).Select(n => n.Name).FirstOrDefault()
            ?? c.Slug;
    }

    private static Expression<Func<Category, LanguageTag?>> NameLanguage(IReadOnlyList<LanguageTag> chain)
    {
        var inChain = ChainExpressions.InChain<LocalizedName>(chain, n => n.Language);
        var rank = ChainExpressions.Rank<LocalizedName>(chain, n => n.Language);
        return c => c.Names.AsQueryable().Where(inChain).OrderBy(rank).Select(n => (LanguageTag?)n.Language).FirstOrDefault()
            ?? c.Names.OrderBy(n => n.Language).Select(n => (LanguageTag?)n.Language).FirstOrDefault();
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

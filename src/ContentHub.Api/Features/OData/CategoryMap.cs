using System.Linq.Expressions;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Taxonomy;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Which EDM property of a category is which expression over <see cref="Category"/>. A category is
/// named in the first language of the portal's chain it has a name in, else in its name with the
/// lowest language tag, else by its slug: <see cref="EntryWriter"/> picks the name written the same way.
/// </summary>
public static class CategoryMap
{
    public static PropertyMap<Category> For(IReadOnlyList<LanguageTag> chain) => new PropertyMap<Category>()
        .Map("Id", c => c.Id)
        .Map("Slug", c => c.Slug)
        .Map("ParentId", c => c.ParentId)
        .Map("Name", Name(chain));

    // coalesce(name in chain[0], name in chain[1], …, the name with the lowest tag, slug), one scalar subquery each.
    private static Expression<Func<Category, string>> Name(IReadOnlyList<LanguageTag> chain)
    {
        Expression<Func<Category, string>> otherwise = c => c.Names.OrderBy(n => n.Language).Select(n => n.Name).FirstOrDefault() ?? c.Slug;
        var category = otherwise.Parameters[0];
        var body = otherwise.Body;
        foreach (var language in chain.Reverse())
        {
            Expression<Func<Category, string?>> named = c => c.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault();
            body = Expression.Coalesce(new Rebind(named.Parameters[0], category).Visit(named.Body), body);
        }

        return Expression.Lambda<Func<Category, string>>(body, category);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

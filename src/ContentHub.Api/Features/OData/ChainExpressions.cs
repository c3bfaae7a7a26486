using System.Linq.Expressions;
using ContentHub.Domain.Languages;

namespace ContentHub.Api.Features.OData;

/// <summary>Predicates and orderings over a portal's language chain, for anything with a language column.</summary>
public static class ChainExpressions
{
    /// <summary><c>x.Language = chain[0] OR x.Language = chain[1] …</c></summary>
    public static Expression<Func<T, bool>> InChain<T>(IReadOnlyList<LanguageTag> chain, Expression<Func<T, LanguageTag>> language) =>
        Expression.Lambda<Func<T, bool>>(chain.Select(tag => (Expression)Is(language.Body, tag)).Aggregate(Expression.OrElse), language.Parameters);

    /// <summary><c>CASE WHEN x.Language = chain[0] THEN 0 WHEN … THEN 1 … END</c>: the better language first.</summary>
    public static Expression<Func<T, int>> Rank<T>(IReadOnlyList<LanguageTag> chain, Expression<Func<T, LanguageTag>> language)
    {
        Expression rank = Expression.Constant(chain.Count);
        for (var position = chain.Count - 1; position >= 0; position--)
        {
            rank = Expression.Condition(Is(language.Body, chain[position]), Expression.Constant(position), rank);
        }

        return Expression.Lambda<Func<T, int>>(rank, language.Parameters);
    }

    // The tag is read from a closure, so EF Core sends it as a parameter.
    private static BinaryExpression Is(Expression language, LanguageTag tag)
    {
        Expression<Func<LanguageTag>> value = () => tag;
        return Expression.Equal(language, value.Body);
    }
}

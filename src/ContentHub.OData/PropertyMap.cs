using System.Linq.Expressions;

namespace ContentHub.OData;

/// <summary>
/// How the EDM properties of an entity type map to members of the CLR type a query runs over:
/// for each property name, a function from the row parameter to the member expression.
/// </summary>
/// <typeparam name="T">The queried CLR type.</typeparam>
public sealed class PropertyMap<T>
{
    private readonly Dictionary<string, Func<Expression, Expression>> _members = new(StringComparer.Ordinal);

    /// <summary>Maps an EDM property to a member of <typeparamref name="T"/>.</summary>
    public PropertyMap<T> Map<TValue>(string edmName, Expression<Func<T, TValue>> member)
    {
        _members[edmName] = row => new ParameterReplacer(member.Parameters[0], row).Visit(member.Body);
        return this;
    }

    /// <summary>The member expression for a property on <paramref name="row"/>; 501 for a property that cannot be queried.</summary>
    public Expression Access(string edmName, Expression row) =>
        _members.TryGetValue(edmName, out var access)
            ? access(row)
            : throw ODataQueryException.NotImplemented($"Filtering or ordering by {edmName}");

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

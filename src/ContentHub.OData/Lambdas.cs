using System.Linq.Expressions;

namespace ContentHub.OData;

/// <summary>Composing lambdas: the body of one, read over another expression.</summary>
public static class Lambdas
{
    /// <summary><paramref name="lambda"/>'s body with its single parameter replaced by <paramref name="argument"/>.</summary>
    public static Expression Apply(LambdaExpression lambda, Expression argument) =>
        new ParameterReplacer(lambda.Parameters.Single(), argument).Visit(lambda.Body);

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

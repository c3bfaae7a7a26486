using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Query expressions built once and run by any DbContext. A query root taken from a context
/// (<c>db.PublishedEntries</c>) remembers that context's query provider; detached, the root names only
/// the entity type, which is all EF Core needs to translate it for whichever context runs the query.
/// </summary>
public static class DetachedExpressions
{
    public static T Detach<T>(T expression)
        where T : Expression => (T)new Detacher().Visit(expression);

    private sealed class Detacher : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) =>
            node is QueryRootExpression root ? root.DetachQueryProvider() : base.VisitExtension(node);
    }
}

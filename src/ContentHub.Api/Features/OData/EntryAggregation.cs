using System.Collections;
using System.Linq.Expressions;
using ContentHub.Data;
using ContentHub.OData;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.AspNetCore.OData.Query.Wrapper;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// <c>$apply</c> over a portal's entries (OData Data Aggregation 4.0): <c>filter</c>, <c>groupby</c>,
/// <c>aggregate</c> and <c>compute</c>, so that a portal can draw its category menu with counts
/// (<c>groupby((CategoryId),aggregate($count as Count))</c>) or an archive by month
/// (<c>compute(year(PublishedAt) as Year,month(PublishedAt) as Month)/groupby((Year,Month),aggregate($count as Count))</c>).
/// Filters before the first grouping keep ContentHub's semantics (<see cref="QueryComposer{T}"/>);
/// grouping, aggregating and computing are the package's binders over the flat <see cref="EntryView"/>
/// row, which EF Core sends as one GROUP BY statement. What comes out is answered as a collection of
/// dynamic results, at most one page of them.
/// </summary>
public static class EntryAggregation
{
    private static ODataQuerySettings Settings => PackageBinding.Settings;

    /// <summary>The aggregated results the query asks for, and the names of their properties (for the context URL).</summary>
    public static async Task<AggregatedPage> PageAsync(
        HttpContext http, IQueryable<Listing> visible, Func<IQueryable<Listing>, IQueryable<EntryView>> rows, QueryComposer<Listing> composer,
        ODataUriParser parser, ApplyClause apply)
    {
        var transformations = apply.Transformations.ToList();
        var leading = transformations.TakeWhile(t => t is FilterTransformationNode).Cast<FilterTransformationNode>().ToList();
        foreach (var filter in leading)
        {
            visible = visible.Where(composer.Filter(filter.FilterClause, parser.ParameterAliasNodes));
        }

        IQueryable query = rows(visible);
        var type = typeof(EntryView);
        foreach (var transformation in transformations.Skip(leading.Count))
        {
            var context = new QueryBinderContext(PortalModel.Instance, Settings, type);
            query = transformation switch
            {
                GroupByTransformationNode or AggregateTransformationNode => Bound(() => new AggregationBinder().ApplyBind(query, transformation, context, out type)),
                ComputeTransformationNode compute => Bound(() => new ComputeBinder().ApplyBind(query, compute, context, out type)),
                FilterTransformationNode filter => Bound(() => new FilterBinder().ApplyBind(query, filter.FilterClause, context)),
                _ => throw ODataQueryException.NotImplemented($"The $apply transformation {transformation.Kind}"),
            };
        }

        if (parser.ParseFilter() is { } after)
        {
            var context = new QueryBinderContext(PortalModel.Instance, Settings, type);
            query = Bound(() => new FilterBinder().ApplyBind(query, after, context));
        }

        if (parser.ParseOrderBy() is { } orderBy)
        {
            query = Ordered(query, orderBy, new QueryBinderContext(PortalModel.Instance, Settings, type));
        }

        var window = PageWindow.Read(http, parser, SkipToken.Parse(parser.ParseSkipToken(), SkipToken.Order.Computed).Offset);
        var page = Call(Call(query, nameof(Queryable.Skip), window.Skip), nameof(Queryable.Take), window.Fetch);
        var results = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var result in ((IAsyncEnumerable<object>)page).WithCancellation(http.RequestAborted))
        {
            results.Add(Values(result));
        }

        var next = window.Cut(results, _ => window.OffsetToken);
        if (results.Count == 0 && window.Skip == 0 && transformations.LastOrDefault(t => t is GroupByTransformationNode or AggregateTransformationNode) is AggregateTransformationNode whole)
        {
            // Aggregating a set without grouping it gives one result, also for an empty set (SQL's GROUP BY gives none).
            results.Add(OfNothing(whole));
        }

        return new AggregatedPage(results, ResultNames(transformations) ?? results.FirstOrDefault()?.Keys.ToList() ?? [], next);
    }

    // What each aggregate is over no rows: counts are 0, sums, averages, minima and maxima null.
    private static Dictionary<string, object?> OfNothing(AggregateTransformationNode aggregate) =>
        aggregate.AggregateExpressions.ToDictionary(
            e => e.Alias,
            e => e is AggregateExpression { Method: AggregationMethod.VirtualPropertyCount or AggregationMethod.CountDistinct } ? 0L : (object?)null,
            StringComparer.Ordinal);

    /// <summary>One page of aggregated results, each a set of named values.</summary>
    public sealed record AggregatedPage(IReadOnlyList<IReadOnlyDictionary<string, object?>> Results, IReadOnlyList<string> Names, Uri? NextLink);

    // A result's properties: what it was grouped by (nested for a path), what was aggregated or computed.
    private static Dictionary<string, object?> Values(object result) =>
        result is DynamicTypeWrapper wrapper
            ? wrapper.Values.ToDictionary(v => v.Key, v => v.Value is DynamicTypeWrapper nested ? Values(nested) : (object?)v.Value, StringComparer.Ordinal)
            : throw ODataQueryException.NotImplemented("This $apply result");

    // The properties of the results, in the order they are declared: grouping properties, then aggregates, then computed ones.
    private static List<string>? ResultNames(IReadOnlyList<TransformationNode> transformations)
    {
        var names = new List<string>();
        foreach (var transformation in transformations)
        {
            switch (transformation)
            {
                case GroupByTransformationNode groupBy:
                    names = groupBy.GroupingProperties.Select(p => p.Name).ToList();
                    if (groupBy.ChildTransformations is AggregateTransformationNode within)
                    {
                        names.AddRange(within.AggregateExpressions.Select(e => e.Alias));
                    }

                    break;
                case AggregateTransformationNode aggregate:
                    names = aggregate.AggregateExpressions.Select(e => e.Alias).ToList();
                    break;
                case ComputeTransformationNode compute:
                    names.AddRange(compute.Expressions.Select(e => e.Alias));
                    break;
            }
        }

        return transformations.Any(t => t is GroupByTransformationNode or AggregateTransformationNode) ? names : null;
    }

    private static T Bound<T>(Func<T> bind) => PackageBinding.Guard(bind, "$apply");

    // Each key is bound by the filter binder, then applied in turn: OrderBy, ThenBy, …. A grouped result's properties
    // are only known to a binder context once a binder has looked at the query (the package does that internally);
    // a filter that is always true makes it look, and EF Core drops the WHERE TRUE.
    private static IQueryable Ordered(IQueryable query, OrderByClause orderBy, QueryBinderContext context)
    {
        query = Bound(() => new FilterBinder().ApplyBind(query, new FilterClause(new ConstantNode(true), orderBy.RangeVariable), context));
        var first = true;
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            var key = Expression.Lambda(Bound(() => new FilterBinder().Bind(clause.Expression, context)), context.CurrentParameter);
            var method = (first, clause.Direction == OrderByDirection.Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            query = query.Provider.CreateQuery(Expression.Call(typeof(Queryable), method, [query.ElementType, key.ReturnType], query.Expression, Expression.Quote(key)));
            first = false;
        }

        return query;
    }

    private static IQueryable Call(IQueryable query, string method, int count) =>
        query.Provider.CreateQuery(Expression.Call(typeof(Queryable), method, [query.ElementType], query.Expression, Expression.Constant(count)));
}

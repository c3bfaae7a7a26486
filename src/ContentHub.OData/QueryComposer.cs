using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ContentHub.OData;

/// <summary>
/// Puts a query's <c>$filter</c>, <c>$search</c> and <c>$orderby</c> onto an EF Core query over
/// <typeparamref name="T"/>. The package's binder (<see cref="PortalFilterBinder{T}"/>) turns each parse
/// tree into LINQ, which EF Core sends as parameterised SQL; what is ContentHub's own is where nulls sort
/// (OData's places, not PostgreSQL's), the keyset a <c>$skiptoken</c> continues from, and <c>$search</c>.
/// </summary>
/// <typeparam name="T">The queried CLR type, mapped in <paramref name="model"/> to the entity type queried.</typeparam>
public sealed class QueryComposer<T>(IEdmModel model, PropertyMap<T> properties)
{

    private static ODataQuerySettings Settings => PackageBinding.Settings;

    /// <summary>The most nodes a $filter may have; larger trees are refused.</summary>
    public int MaxFilterNodes { get; init; } = 100;

    /// <summary>The time <c>now()</c> stands for; read once per query, so every use in it agrees.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The query's <c>$compute</c>: its properties can be filtered and ordered by, and are bound where they are used.</summary>
    public ComputeClause? Compute { get; init; }

    /// <summary>The values of <paramref name="items"/> (computed properties), as one array per row for the SELECT list.</summary>
    public Expression<Func<T, object?[]>> Computed(IEnumerable<ComputeExpression> items, IDictionary<string, SingleValueNode>? aliases = null)
    {
        var context = Context();
        var values = items.Select(item => Expression.Convert(Binding(() => Binder(aliases).Bind(item.Expression, context)), typeof(object))).ToList();
        return Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object), values), context.CurrentParameter);
    }

    /// <summary>The $filter as a predicate; <paramref name="aliases"/> are the parser's parameter aliases (@name=value).</summary>
    public Expression<Func<T, bool>> Filter(FilterClause filter, IDictionary<string, SingleValueNode>? aliases = null)
    {
        var nodes = new NodeCounter();
        nodes.Count(filter.Expression);
        if (nodes.Total > MaxFilterNodes)
        {
            throw ODataQueryException.Limit("$filter", $"The filter has {nodes.Total} parts; at most {MaxFilterNodes} are allowed.");
        }

        var context = Context();
        return (Expression<Func<T, bool>>)Binding(() => Binder(aliases).BindFilter(filter, context));
    }

    /// <summary>Applies $orderby (all its keys, in order) before <paramref name="tieBreak"/>.</summary>
    public IOrderedQueryable<T> OrderBy<TKey>(IQueryable<T> query, OrderByClause? orderBy, Expression<Func<T, TKey>> tieBreak, bool tieBreakDescending, IDictionary<string, SingleValueNode>? aliases = null)
    {
        var context = Context();
        var row = context.CurrentParameter;
        IOrderedQueryable<T>? ordered = null;
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            var key = Key(clause, context, aliases);
            var descending = clause.Direction == OrderByDirection.Descending;
            if (IsNullable(key.Type))
            {
                // OData puts nulls first ascending and last descending (Part 1, 11.2.6.2), PostgreSQL the
                // other way round: "key is null" goes first, in the same direction as the key.
                ordered = Order(query, ordered, Expression.Lambda(Expression.NotEqual(key, Expression.Constant(null, key.Type)), row), descending);
            }

            ordered = Order(query, ordered, Expression.Lambda(key, row), descending);
        }

        return ordered is null
            ? (tieBreakDescending ? query.OrderByDescending(tieBreak) : query.OrderBy(tieBreak))
            : (tieBreakDescending ? ordered.ThenByDescending(tieBreak) : ordered.ThenBy(tieBreak));
    }

    private static IOrderedQueryable<T> Order(IQueryable<T> query, IOrderedQueryable<T>? ordered, LambdaExpression key, bool descending)
    {
        var method = ordered is null ? (descending ? "OrderByDescending" : "OrderBy") : (descending ? "ThenByDescending" : "ThenBy");
        return (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], (ordered ?? query).Expression, Expression.Quote(key)));
    }

    private static bool IsNullable(Type type) => !type.IsValueType || System.Nullable.GetUnderlyingType(type) is not null;

    /// <summary>
    /// The rows after the one whose order keys had <paramref name="values"/> (and whose tie-break had
    /// <paramref name="tieValue"/>), in the order <see cref="OrderBy"/> gives: the keyset predicate
    /// <c>k1 after v1 OR (k1 = v1 AND k2 after v2) OR …</c>, with OData's places for nulls (first
    /// ascending, last descending). A value that does not read as its key's type is a 400.
    /// </summary>
    public Expression<Func<T, bool>> After<TKey>(OrderByClause orderBy, IReadOnlyList<System.Text.Json.JsonElement> values, Expression<Func<T, TKey>> tieBreak, TKey tieValue, bool tieBreakDescending, IDictionary<string, SingleValueNode>? aliases = null)
    {
        var context = Context();
        var row = context.CurrentParameter;
        var keys = new List<(Expression Key, bool Descending, object? Value)>();
        var clause = orderBy;
        foreach (var value in values)
        {
            if (clause is null)
            {
                throw InvalidToken();
            }

            var key = Key(clause, context, aliases);
            keys.Add((key, clause.Direction == OrderByDirection.Descending, Read(value, key.Type)));
            clause = clause.ThenBy;
        }

        if (clause is not null)
        {
            throw InvalidToken();
        }

        keys.Add((Lambdas.Apply(tieBreak, row), tieBreakDescending, tieValue));
        Expression? after = null;
        Expression equalSoFar = Expression.Constant(true);
        foreach (var (key, descending, value) in keys)
        {
            var beyond = Expression.AndAlso(equalSoFar, Beyond(key, descending, value));
            after = after is null ? beyond : Expression.OrElse(after, beyond);
            equalSoFar = Expression.AndAlso(equalSoFar, value is null ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Equal(key, Convert(Constant(value), key.Type)));
        }

        return Expression.Lambda<Func<T, bool>>(after!, row);
    }

    // Strictly after the value in this key's direction; nulls sort first ascending and last descending, as OrderBy puts them.
    private static Expression Beyond(Expression key, bool descending, object? value)
    {
        var nullable = IsNullable(key.Type);
        if (value is null)
        {
            return descending ? Expression.Constant(false) : Expression.NotEqual(key, Expression.Constant(null, key.Type));
        }

        var compared = Expression.MakeBinary(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, CompareTo(key, value), Expression.Constant(0));
        return descending && nullable ? Expression.OrElse(compared, Expression.Equal(key, Expression.Constant(null, key.Type))) : compared;
    }

    // key.CompareTo(value), which EF Core turns into the SQL comparison; string.Compare for strings.
    private static MethodCallExpression CompareTo(Expression key, object value)
    {
        if (key.Type == typeof(string))
        {
            return Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, Constant(value));
        }

        var type = Underlying(key.Type);
        return Expression.Call(Value(key), type.GetMethod(nameof(IComparable.CompareTo), [type])!, Convert(Constant(value), type));
    }

    private static object? Read(System.Text.Json.JsonElement value, Type type)
    {
        try
        {
            return value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : System.Text.Json.JsonSerializer.Deserialize(value, Underlying(type));
        }
        catch (Exception invalid) when (invalid is System.Text.Json.JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw InvalidToken();
        }
    }

    private static ODataQueryException InvalidToken() =>
        new(400, "BadRequest", "The $skiptoken is not one this service issued for this query.", "$skiptoken");

    private QueryBinderContext Context()
    {
        var context = new QueryBinderContext(model, Settings, typeof(T));
        foreach (var item in Compute?.ComputedItems ?? [])
        {
            context.ComputedProperties[item.Alias] = item;
        }

        return context;
    }

    private PortalFilterBinder<T> Binder(IDictionary<string, SingleValueNode>? aliases) => new(properties, Clock, aliases);

    private Expression Key(OrderByClause clause, QueryBinderContext context, IDictionary<string, SingleValueNode>? aliases) =>
        Binding(() => Binder(aliases).Bind(clause.Expression, context));

    private static Expression Binding(Func<Expression> bind) => PackageBinding.Guard(bind, "$filter");

    // Constants go in as closures, so that EF Core sends them as parameters, never inlined into SQL.
    private static MemberExpression Constant(object? value)
    {
        var holder = Activator.CreateInstance(typeof(ConstantHolder<>).MakeGenericType(value?.GetType() ?? typeof(object)), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private static Expression Convert(Expression expression, Type type) => expression.Type == type ? expression : Expression.Convert(expression, type);

    private static Type Underlying(Type type) => System.Nullable.GetUnderlyingType(type) ?? type;

    private static Expression Value(Expression value) => System.Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, "Value");

    private sealed class NodeCounter
    {
        public int Total { get; private set; }

        public void Count(QueryNode node)
        {
            Total++;
            foreach (var child in Children(node))
            {
                Count(child);
            }
        }

        private static IEnumerable<QueryNode> Children(QueryNode node) => node switch
        {
            BinaryOperatorNode b => [b.Left, b.Right],
            UnaryOperatorNode u => [u.Operand],
            ConvertNode c => [c.Source],
            SingleValueFunctionCallNode f => f.Parameters,
            InNode i => [i.Left, i.Right],
            AnyNode a => [a.Source, a.Body],
            AllNode a => [a.Source, a.Body],
            _ => [],
        };
    }
}

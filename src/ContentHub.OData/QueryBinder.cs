using System.Linq.Expressions;
using System.Reflection;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ContentHub.OData;

/// <summary>
/// Binds the trees <c>ODataUriParser</c> makes for <c>$filter</c> and <c>$orderby</c> to LINQ
/// expressions over <typeparamref name="T"/>, which EF Core turns into parameterised SQL. Nothing is
/// evaluated in memory: constants become closures (SQL parameters), functions become the string and
/// date members EF Core translates. Valid constructs it does not implement raise a 501.
/// </summary>
/// <typeparam name="T">The queried CLR type.</typeparam>
public sealed class QueryBinder<T>(PropertyMap<T> properties)
{
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo ToUpper = typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!;
    private static readonly MethodInfo Trim = typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!;
    private static readonly MethodInfo IndexOf = typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string)])!;
    private static readonly MethodInfo SubstringFrom = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly MethodInfo SubstringOfLength = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo DateOfUtc = typeof(DateOnly).GetMethod(nameof(DateOnly.FromDateTime), [typeof(DateTime)])!;
    private static readonly MethodInfo Any = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2);
    private static readonly MethodInfo All = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.All));

    private IDictionary<string, SingleValueNode>? _aliases;

    /// <summary>The most nodes a $filter may have; larger trees are refused.</summary>
    public int MaxFilterNodes { get; init; } = 100;

    /// <summary>The time <c>now()</c> stands for; read once per query, so every use in it agrees.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The $filter as a predicate; <paramref name="aliases"/> are the parser's parameter aliases (@name=value).</summary>
    public Expression<Func<T, bool>> Filter(FilterClause filter, IDictionary<string, SingleValueNode>? aliases = null)
    {
        _aliases = aliases;
        var nodes = new NodeCounter();
        nodes.Count(filter.Expression);
        if (nodes.Total > MaxFilterNodes)
        {
            throw ODataQueryException.Limit("$filter", $"The filter has {nodes.Total} parts; at most {MaxFilterNodes} are allowed.");
        }

        var row = Expression.Parameter(typeof(T), "e");
        var scope = new Dictionary<string, Expression>(StringComparer.Ordinal) { ["$it"] = row };
        return Expression.Lambda<Func<T, bool>>(Bind(filter.Expression, row, scope), row);
    }

    /// <summary>
    /// The $search as a predicate: every term must occur in <paramref name="text"/> (AND, OR and NOT as
    /// written), each term folded by <paramref name="fold"/> the way the stored text was.
    /// </summary>
    public Expression<Func<T, bool>> Search(SearchExpression search, Expression<Func<T, string>> text, Func<string, string> fold)
    {
        var row = text.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(SearchNode(search, text.Body, fold), row);
    }

    private static Expression SearchNode(SearchExpression node, Expression text, Func<string, string> fold) => node switch
    {
        SearchExpression.Term term => Expression.Call(text, Contains, Constant(fold(term.Text))),
        SearchExpression.Both and => Expression.AndAlso(SearchNode(and.Left, text, fold), SearchNode(and.Right, text, fold)),
        SearchExpression.Either or => Expression.OrElse(SearchNode(or.Left, text, fold), SearchNode(or.Right, text, fold)),
        SearchExpression.Negated not => Expression.Not(SearchNode(not.Operand, text, fold)),
        _ => throw ODataQueryException.NotImplemented("This $search expression"),
    };

    /// <summary>Applies $orderby (all its keys, in order) before <paramref name="tieBreak"/>.</summary>
    public IOrderedQueryable<T> OrderBy<TKey>(IQueryable<T> query, OrderByClause? orderBy, Expression<Func<T, TKey>> tieBreak, bool tieBreakDescending)
    {
        var row = Expression.Parameter(typeof(T), "e");
        var scope = new Dictionary<string, Expression>(StringComparer.Ordinal) { ["$it"] = row };
        IOrderedQueryable<T>? ordered = null;
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            var key = Bind(clause.Expression, row, scope);
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
    /// <c>k1 after v1 OR (k1 = v1 AND k2 after v2) OR …</c>, with PostgreSQL's places for nulls (last
    /// ascending, first descending). A value that does not read as its key's type is a 400.
    /// </summary>
    public Expression<Func<T, bool>> After<TKey>(OrderByClause orderBy, IReadOnlyList<System.Text.Json.JsonElement> values, Expression<Func<T, TKey>> tieBreak, TKey tieValue, bool tieBreakDescending)
    {
        var row = tieBreak.Parameters[0];
        var scope = new Dictionary<string, Expression>(StringComparer.Ordinal) { ["$it"] = row };
        var keys = new List<(Expression Key, bool Descending, object? Value)>();
        var clause = orderBy;
        foreach (var value in values)
        {
            if (clause is null)
            {
                throw InvalidToken();
            }

            var key = Bind(clause.Expression, row, scope);
            keys.Add((key, clause.Direction == OrderByDirection.Descending, Read(value, key.Type)));
            clause = clause.ThenBy;
        }

        if (clause is not null)
        {
            throw InvalidToken();
        }

        keys.Add((tieBreak.Body, tieBreakDescending, tieValue));
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

    private Expression Bind(QueryNode node, Expression row, Dictionary<string, Expression> scope) => node switch
    {
        BinaryOperatorNode binary => Binary(binary, row, scope),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Negate(not.Operand, row, scope),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Negate } negate => Expression.Negate(Bind(negate.Operand, row, scope)),
        ConvertNode convert => Promote(Bind(convert.Source, row, scope), convert.TypeReference),
        ConstantNode constant => Constant(constant.Value),
        SingleValuePropertyAccessNode property => properties.Access(property.Property.Name, Source(property.Source, row, scope)),
        CollectionPropertyAccessNode collection => properties.Access(collection.Property.Name, Source(collection.Source, row, scope)),
        NonResourceRangeVariableReferenceNode variable => scope[variable.Name],
        ResourceRangeVariableReferenceNode variable => scope[variable.Name],
        SingleValueFunctionCallNode function => Function(function, row, scope),
        ParameterAliasNode alias when _aliases?.TryGetValue(alias.Alias, out var value) == true && value is not null => Bind(value, row, scope),
        ParameterAliasNode alias => throw new ODataQueryException(400, "BadRequest", $"The parameter alias {alias.Alias} has no value.", alias.Alias),
        InNode @in => In(@in, row, scope),
        AnyNode { CurrentRangeVariable: null } any => NonEmpty(any.Source, row, scope),
        AnyNode any => Lambda(Any, any.Source, any.Body, any.CurrentRangeVariable.Name, row, scope),
        AllNode { CurrentRangeVariable: null } => throw new ODataQueryException(400, "BadRequest", "all() needs a lambda: Tags/all(t: …).", "$filter"),
        AllNode all => Lambda(All, all.Source, all.Body, all.CurrentRangeVariable.Name, row, scope),
        _ => throw ODataQueryException.NotImplemented(node.Kind.ToString()),
    };

    /// <summary>
    /// <c>not</c>, under OData's null rules: <c>contains(null,'x')</c> is null, <c>not null</c> is null,
    /// and only true selects a row. EF Core gives C#'s two-valued answer instead (a negated LIKE on a
    /// null column is true), so the negation is pushed down (De Morgan) to the string predicates,
    /// which are then true only for a value that is there.
    /// </summary>
    private Expression Negate(QueryNode node, Expression row, Dictionary<string, Expression> scope) => node switch
    {
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Bind(not.Operand, row, scope),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Expression.OrElse(Negate(and.Left, row, scope), Negate(and.Right, row, scope)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.AndAlso(Negate(or.Left, row, scope), Negate(or.Right, row, scope)),
        ConvertNode convert => Negate(convert.Source, row, scope),
        SingleValueFunctionCallNode { Name: "contains" or "startswith" or "endswith" } function => NegatedStringPredicate(function, row, scope),
        _ => Expression.Not(Bind(node, row, scope)),
    };

    private BinaryExpression NegatedStringPredicate(SingleValueFunctionCallNode function, Expression row, Dictionary<string, Expression> scope)
    {
        var predicate = (MethodCallExpression)Function(function, row, scope);
        Expression present = Expression.AndAlso(Expression.NotEqual(predicate.Object!, Expression.Constant(null, typeof(string))), Expression.NotEqual(predicate.Arguments[0], Expression.Constant(null, typeof(string))));
        return Expression.AndAlso(present, Expression.Not(predicate));
    }

    private Expression Source(QueryNode? source, Expression row, Dictionary<string, Expression> scope) =>
        source is null ? row : Bind(source, row, scope);

    private BinaryExpression Binary(BinaryOperatorNode node, Expression row, Dictionary<string, Expression> scope)
    {
        var left = Bind(node.Left, row, scope);
        var right = Bind(node.Right, row, scope);
        try
        {
            (left, right) = Align(left, right);
            return Operate(node.OperatorKind, left, right);
        }
        catch (InvalidOperationException)
        {
            // Expression's factories refuse operand types the operator is not defined for (ordering language tags, adding strings,
            // comparing a date with a date and time).
            throw new ODataQueryException(400, "BadRequest", $"The {node.OperatorKind} operator does not apply to {Underlying(left.Type).Name} and {Underlying(right.Type).Name}.", "$filter");
        }
    }

    private static BinaryExpression Operate(BinaryOperatorKind kind, Expression left, Expression right) =>
        kind switch
        {
            BinaryOperatorKind.And => Expression.AndAlso(left, right),
            BinaryOperatorKind.Or => Expression.OrElse(left, right),
            BinaryOperatorKind.Equal => Expression.Equal(left, right),
            BinaryOperatorKind.NotEqual => Expression.NotEqual(left, right),
            BinaryOperatorKind.GreaterThan => Compare(ExpressionType.GreaterThan, left, right),
            BinaryOperatorKind.GreaterThanOrEqual => Compare(ExpressionType.GreaterThanOrEqual, left, right),
            BinaryOperatorKind.LessThan => Compare(ExpressionType.LessThan, left, right),
            BinaryOperatorKind.LessThanOrEqual => Compare(ExpressionType.LessThanOrEqual, left, right),
            BinaryOperatorKind.Add => Expression.Add(left, right),
            BinaryOperatorKind.Subtract => Expression.Subtract(left, right),
            BinaryOperatorKind.Multiply => Expression.Multiply(left, right),
            BinaryOperatorKind.Divide => Expression.Divide(left, right),
            BinaryOperatorKind.Modulo => Expression.Modulo(left, right),
            _ => throw ODataQueryException.NotImplemented($"The {kind} operator"),
        };

    // Strings compare with string.Compare, which EF Core translates to SQL comparison operators.
    private static BinaryExpression Compare(ExpressionType comparison, Expression left, Expression right) =>
        left.Type == typeof(string)
            ? Expression.MakeBinary(comparison, Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right), Expression.Constant(0))
            : Expression.MakeBinary(comparison, left, right);

    private Expression Function(SingleValueFunctionCallNode node, Expression row, Dictionary<string, Expression> scope)
    {
        var args = node.Parameters.Select(p => Bind(p, row, scope)).ToList();
        if (StringFunctions.Contains(node.Name))
        {
            args = args.Select((arg, index) => index == 0 || arg.Type != typeof(int) ? Text(arg, node.Name) : arg).ToList();
        }

        return (node.Name, args.Count) switch
        {
            ("contains", 2) => Expression.Call(args[0], Contains, args[1]),
            ("startswith", 2) => Expression.Call(args[0], StartsWith, args[1]),
            ("endswith", 2) => Expression.Call(args[0], EndsWith, args[1]),
            ("tolower", 1) => properties.Function("tolower", args[0]) ?? Expression.Call(args[0], ToLower),
            ("toupper", 1) => properties.Function("toupper", args[0]) ?? Expression.Call(args[0], ToUpper),
            ("trim", 1) => Expression.Call(args[0], Trim),
            // Null for a null text, as in SQL: typed int? so that comparing and ordering treat it as null.
            ("length", 1) => Expression.Convert(Expression.Property(args[0], nameof(string.Length)), typeof(int?)),
            ("indexof", 2) => Expression.Convert(Expression.Call(args[0], IndexOf, args[1]), typeof(int?)),
            ("substring", 2) => Expression.Call(args[0], SubstringFrom, Int(args[1])),
            ("substring", 3) => Expression.Call(args[0], SubstringOfLength, Int(args[1]), Int(args[2])),
            ("concat", 2) when args[0].Type == typeof(string) && args[1].Type == typeof(string) => Expression.Call(Concat, args[0], args[1]),
            ("year", 1) => DatePart(args[0], nameof(DateTimeOffset.Year)),
            ("month", 1) => DatePart(args[0], nameof(DateTimeOffset.Month)),
            ("day", 1) => DatePart(args[0], nameof(DateTimeOffset.Day)),
            ("hour", 1) => DatePart(args[0], nameof(DateTimeOffset.Hour)),
            ("minute", 1) => DatePart(args[0], nameof(DateTimeOffset.Minute)),
            ("second", 1) => properties.Function("second", Value(args[0])) ?? DatePart(args[0], nameof(DateTimeOffset.Second)),
            ("date", 1) when Underlying(args[0].Type) == typeof(DateTimeOffset) => Expression.Call(DateOfUtc, Expression.Property(Value(args[0]), nameof(DateTimeOffset.UtcDateTime))),
            ("now", 0) => Constant(Clock.GetUtcNow()),
            ("round", 1) => MathCall(nameof(Math.Round), args[0]),
            ("floor", 1) => MathCall(nameof(Math.Floor), args[0]),
            ("ceiling", 1) => MathCall(nameof(Math.Ceiling), args[0]),
            ("matchespattern", 2) => throw ODataQueryException.NotImplemented("The function matchesPattern"),
            _ => throw ODataQueryException.NotImplemented($"The function {node.Name}"),
        };
    }

    private static readonly HashSet<string> StringFunctions = ["contains", "startswith", "endswith", "tolower", "toupper", "trim", "length", "indexof", "substring", "concat"];

    // A string function's operands as text: a language tag reads as its tag.
    private Expression Text(Expression value, string function) =>
        properties.AsText(value) ?? (IsNull(value) ? Expression.Constant(null, typeof(string))
            : throw new ODataQueryException(400, "BadRequest", $"{function} applies to text, not to {Underlying(value.Type).Name}.", "$filter"));

    // OData counts from zero like .NET; positions arrive as Edm.Int32 but may have been promoted.
    private static Expression Int(Expression value) => value.Type == typeof(int) ? value : Expression.Convert(value, typeof(int));

    private static Expression Value(Expression value) => System.Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, "Value");

    private static Type Underlying(Type type) => System.Nullable.GetUnderlyingType(type) ?? type;

    // round/floor/ceiling are defined on Edm.Decimal and Edm.Double; the parser has promoted the argument to one of them.
    private static MethodCallExpression MathCall(string name, Expression value)
    {
        var type = Underlying(value.Type) == typeof(decimal) ? typeof(decimal) : typeof(double);
        return Expression.Call(typeof(Math).GetMethod(name, [type])!, Expression.Convert(value, type));
    }

    // The parser inserts conversions where OData promotes a numeric type (Int32 to Int64, Decimal or Double); others need none here.
    private static Expression Promote(Expression value, Microsoft.OData.Edm.IEdmTypeReference? target)
    {
        var clr = target?.PrimitiveKind() switch
        {
            EdmPrimitiveTypeKind.Int64 => typeof(long),
            EdmPrimitiveTypeKind.Double => typeof(double),
            EdmPrimitiveTypeKind.Decimal => typeof(decimal),
            EdmPrimitiveTypeKind.Single => typeof(float),
            _ => null,
        };
        if (clr is null || !IsNumeric(Underlying(value.Type)) || Underlying(value.Type) == clr)
        {
            return value;
        }

        return Expression.Convert(value, System.Nullable.GetUnderlyingType(value.Type) is null ? clr : typeof(Nullable<>).MakeGenericType(clr));
    }

    private static bool IsNumeric(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(double) || type == typeof(decimal) || type == typeof(float);

    private static MemberExpression DatePart(Expression value, string part) => Expression.Property(Value(value), part);

    private Expression In(InNode node, Expression row, Dictionary<string, Expression> scope)
    {
        var left = Bind(node.Left, row, scope);
        if (node.Right is not CollectionConstantNode list)
        {
            throw ODataQueryException.NotImplemented("'in' with anything but a list of values");
        }

        return list.Collection.Select(item => (Expression)Expression.Equal(left, Convert((Expression?)Literal(item.Value, left.Type) ?? Constant(item.Value), left.Type)))
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
    }

    // Tags/any(): the collection has an element.
    private MethodCallExpression NonEmpty(CollectionNode source, Expression row, Dictionary<string, Expression> scope)
    {
        var collection = Bind(source, row, scope);
        var element = ElementType(collection.Type);
        return Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 1).MakeGenericMethod(element), collection);
    }

    private static Type ElementType(Type collection) =>
        collection.IsArray
            ? collection.GetElementType()!
            : collection.GetInterfaces().Append(collection).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];

    private MethodCallExpression Lambda(MethodInfo method, CollectionNode source, SingleValueNode body, string variable, Expression row, Dictionary<string, Expression> scope)
    {
        var collection = Bind(source, row, scope);
        var element = ElementType(collection.Type);
        var item = Expression.Parameter(element, variable);
        var inner = new Dictionary<string, Expression>(scope, StringComparer.Ordinal) { [variable] = item };
        return Expression.Call(method.MakeGenericMethod(element), collection, Expression.Lambda(Bind(body, row, inner), item));
    }

    // Constants go in as closures, so that EF Core sends them as parameters, never inlined into SQL.
    private static MemberExpression Constant(object? value)
    {
        var normalised = value switch
        {
#pragma warning disable CS0618 // ODL 8 still parses Edm.Date literals as its own Date type; ODL 9 gives DateOnly.
            Date date => new DateOnly(date.Year, date.Month, date.Day),
#pragma warning restore CS0618
            // Any offset may be written (+07:00 in the province); PostgreSQL's timestamptz takes UTC only.
            DateTimeOffset instant => instant.ToUniversalTime(),
            Microsoft.OData.ODataEnumValue enumValue => enumValue.Value,
            _ => value,
        };
        var holder = Activator.CreateInstance(typeof(ConstantHolder<>).MakeGenericType(normalised?.GetType() ?? typeof(object)), normalised)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    // A string literal compared with a member whose type has a literal parser (a language tag, say) becomes a value of that type.
    private MemberExpression? Literal(object? value, Type type) =>
        value is string text && properties.TryParseLiteral(Underlying(type), text, out var parsed) ? Constant(parsed) : null;

    private (Expression Left, Expression Right) Align(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        if (right.Type == typeof(string) && TextOf(right) is { } rightText && Literal(rightText, left.Type) is { } parsedRight)
        {
            right = parsedRight;
        }
        else if (left.Type == typeof(string) && TextOf(left) is { } leftText && Literal(leftText, right.Type) is { } parsedLeft)
        {
            left = parsedLeft;
        }

        if (left.Type == right.Type)
        {
            return (left, right);
        }

        // Compared with null, a member that can never be null (ReviewedAt) is lifted: eq null is false, ne null true.
        if (right.Type == typeof(object) && IsNull(right))
        {
            return (Convert(left, NullableOf(left.Type)), Expression.Constant(null, NullableOf(left.Type)));
        }

        if (left.Type == typeof(object) && IsNull(left))
        {
            return (Expression.Constant(null, NullableOf(right.Type)), Convert(right, NullableOf(right.Type)));
        }

        var target = System.Nullable.GetUnderlyingType(left.Type) == right.Type || System.Nullable.GetUnderlyingType(right.Type) == left.Type
            ? NullableOf(left.Type.IsValueType ? (System.Nullable.GetUnderlyingType(left.Type) ?? left.Type) : left.Type)
            : left.Type;
        return (Convert(left, target), Convert(right, target));
    }

    private static string? TextOf(Expression expression) => expression is MemberExpression { Expression: ConstantExpression { Value: ConstantHolder<string> { Value: var text } } } ? text : null;

    private static bool IsNull(Expression expression) => expression is MemberExpression { Expression: ConstantExpression { Value: ConstantHolder<object> { Value: null } } };

    private static Type NullableOf(Type type) => type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    private static Expression Convert(Expression expression, Type type)
    {
        if (expression.Type == type)
        {
            return expression;
        }

        if (type.IsEnum || System.Nullable.GetUnderlyingType(type)?.IsEnum == true)
        {
            var enumType = System.Nullable.GetUnderlyingType(type) ?? type;
            if (expression is MemberExpression { Expression: ConstantExpression { Value: { } holder } } && holder.GetType().GetProperty("Value")!.GetValue(holder) is string name)
            {
                return Expression.Convert(Constant(Enum.Parse(enumType, name, ignoreCase: true)), type);
            }
        }

        return Expression.Convert(expression, type);
    }

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

using System.Linq.Expressions;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData.UriParser;

namespace ContentHub.OData;

/// <summary>
/// Microsoft.AspNetCore.OData's <see cref="Microsoft.AspNetCore.OData.Query.Expressions.FilterBinder"/>, told the few things about ContentHub's
/// store it cannot know. The package binds operators, functions, literals, lambdas and <c>in</c>; this
/// class only (1) reads properties through a <see cref="PropertyMap{T}"/>, since the queried rows are
/// a join, not one CLR type per EDM type; (2) compares language tags as tags and enums by name, as they
/// are stored as text; (3) keeps OData's null rules for <c>not</c>, where EF Core's negated LIKE is
/// true for a null column; (4) sends offsets as UTC, which PostgreSQL's timestamptz requires; and
/// (5) lets the store do <c>second</c>, <c>tolower</c> and <c>toupper</c> where .NET's members would
/// round or fold differently. Valid constructs that cannot be answered raise a 501.
/// </summary>
/// <typeparam name="T">The queried CLR type.</typeparam>
public sealed class PortalFilterBinder<T>(PropertyMap<T> properties, TimeProvider clock, IDictionary<string, SingleValueNode>? aliases) : Microsoft.AspNetCore.OData.Query.Expressions.FilterBinder
{
    private DateTimeOffset? _now;

    /// <summary>A parameter alias (<c>@a</c>) stands for its value wherever it is used; one without a value is a 400.</summary>
    public override Expression BindSingleValueNode(SingleValueNode node, QueryBinderContext context) =>
        node is ParameterAliasNode ? Bind(Resolved(node), context) : base.BindSingleValueNode(node, context);

    /// <inheritdoc />
    public override Expression BindPropertyAccessQueryNode(SingleValuePropertyAccessNode propertyAccessNode, QueryBinderContext context)
    {
        var member = properties.Access(propertyAccessNode.Property.Name, Source(propertyAccessNode.Source, context));
        return properties.AsText(member) ?? member;
    }

    /// <inheritdoc />
    public override Expression BindCollectionPropertyAccessNode(CollectionPropertyAccessNode propertyAccessNode, QueryBinderContext context) =>
        properties.ElementsAsText(properties.Access(propertyAccessNode.Property.Name, Source(propertyAccessNode.Source, context)));

    /// <inheritdoc />
    public override Expression BindConstantNode(ConstantNode constantNode, QueryBinderContext context) =>
        constantNode.Value is DateTimeOffset { Offset.Ticks: not 0 } instant
            ? base.BindConstantNode(new ConstantNode(instant.ToUniversalTime(), constantNode.LiteralText, constantNode.TypeReference), context)
            : base.BindConstantNode(constantNode, context);

    /// <inheritdoc />
    public override Expression BindBinaryOperatorNode(BinaryOperatorNode binaryOperatorNode, QueryBinderContext context)
    {
        var (kind, left, right) = (binaryOperatorNode.OperatorKind, Unconverted(binaryOperatorNode.Left), Unconverted(binaryOperatorNode.Right));
        if (kind is BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual)
        {
            if ((TagComparison(left, right, context) ?? TagComparison(right, left, context)) is { } tags)
            {
                return kind == BinaryOperatorKind.Equal ? tags : Expression.Not(tags);
            }
        }

        if (TypedMember(left, context) is { Type: var type } && Underlying(type).IsEnum || TypedMember(right, context) is { Type: var other } && Underlying(other).IsEnum)
        {
            return EnumComparison(kind, binaryOperatorNode, context);
        }

        return base.BindBinaryOperatorNode(binaryOperatorNode, context);
    }

    /// <inheritdoc />
    public override Expression BindInNode(InNode inNode, QueryBinderContext context)
    {
        var left = Unconverted(inNode.Left);
        if (inNode.Right is CollectionConstantNode list && (TagSide(left, context) is not null || TypedMember(left, context)?.Type is { } type && Underlying(type).IsEnum))
        {
            return list.Collection
                .Select(item => BindBinaryOperatorNode(new BinaryOperatorNode(BinaryOperatorKind.Equal, inNode.Left, item), context))
                .DefaultIfEmpty(Expression.Constant(false))
                .Aggregate(Expression.OrElse);
        }

        return base.BindInNode(inNode, context);
    }

    /// <summary>
    /// <c>not</c>, under OData's null rules: <c>contains(null,'x')</c> is null, <c>not null</c> is null,
    /// and only true selects a row. EF Core gives C#'s two-valued answer instead, so the negation is
    /// pushed down (De Morgan) to the string predicates, which are then true only for a value that is there.
    /// </summary>
    public override Expression BindUnaryOperatorNode(UnaryOperatorNode unaryOperatorNode, QueryBinderContext context) =>
        unaryOperatorNode.OperatorKind == UnaryOperatorKind.Not ? Negate(unaryOperatorNode.Operand, context) : base.BindUnaryOperatorNode(unaryOperatorNode, context);

    /// <inheritdoc />
    public override Expression BindSingleValueFunctionCallNode(SingleValueFunctionCallNode node, QueryBinderContext context)
    {
        try
        {
            return base.BindSingleValueFunctionCallNode(node, context);
        }
        catch (NotImplementedException)
        {
            throw ODataQueryException.NotImplemented($"The function {node.Name}");
        }
    }

    /// <inheritdoc />
    protected override Expression BindTimeRelatedProperty(SingleValueFunctionCallNode node, QueryBinderContext context)
    {
        // OData's second() truncates the fractional seconds; the provider's translation of DateTimeOffset.Second rounds.
        var argument = node.Name == "second" ? Bind(node.Parameters.Single(), context) : null;
        return argument is not null && properties.Function("second", Value(argument)) is { } store ? store : base.BindTimeRelatedProperty(node, context);
    }

    /// <summary>Fractions of a second to the microsecond the store keeps, by the store (see <see cref="PropertyMap{T}.Function"/>).</summary>
    protected override Expression BindFractionalSeconds(SingleValueFunctionCallNode node, QueryBinderContext context) =>
        properties.Function("fractionalseconds", Value(Bind(node.Parameters.Single(), context))) ?? base.BindFractionalSeconds(node, context);

    /// <inheritdoc />
    protected override Expression BindToLower(SingleValueFunctionCallNode node, QueryBinderContext context) =>
        properties.Function("tolower", Bind(node.Parameters.Single(), context)) ?? base.BindToLower(node, context);

    /// <inheritdoc />
    protected override Expression BindToUpper(SingleValueFunctionCallNode node, QueryBinderContext context) =>
        properties.Function("toupper", Bind(node.Parameters.Single(), context)) ?? base.BindToUpper(node, context);

    /// <summary>A position or length of a null text is null, as in SQL: typed int? so that comparing and ordering see the null.</summary>
    protected override Expression BindLength(SingleValueFunctionCallNode node, QueryBinderContext context) =>
        Expression.Convert(base.BindLength(node, context), typeof(int?));

    /// <inheritdoc cref="BindLength"/>
    protected override Expression BindIndexOf(SingleValueFunctionCallNode node, QueryBinderContext context) =>
        Expression.Convert(base.BindIndexOf(node, context), typeof(int?));

    /// <summary><c>now()</c> is the service's clock, read once per query so that every use in it agrees.</summary>
    protected override Expression BindNow(SingleValueFunctionCallNode node, QueryBinderContext context) =>
        base.BindConstantNode(new ConstantNode(_now ??= clock.GetUtcNow()), context);

    /// <inheritdoc />
    public override Expression BindAllNode(AllNode allNode, QueryBinderContext context) =>
        allNode.CurrentRangeVariable is null
            ? throw new ODataQueryException(400, "BadRequest", "all() needs a lambda: Tags/all(t: …).", "$filter")
            : base.BindAllNode(allNode, context);

    /// <inheritdoc />
    public override Expression BindNavigationPropertyNode(QueryNode sourceNode, Microsoft.OData.Edm.IEdmNavigationProperty navigationProperty, string propertyPath, QueryBinderContext context) =>
        throw ODataQueryException.NotImplemented("Filtering or ordering by a property of the SingleNavigationNode " + navigationProperty.Name);

    /// <inheritdoc />
    protected override Expression BindMatchesPattern(SingleValueFunctionCallNode node, QueryBinderContext context) =>
        throw ODataQueryException.NotImplemented("The function matchesPattern");

    private Expression Negate(SingleValueNode node, QueryBinderContext context) => node switch
    {
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Bind(not.Operand, context),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Expression.OrElse(Negate(and.Left, context), Negate(and.Right, context)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.AndAlso(Negate(or.Left, context), Negate(or.Right, context)),
        ConvertNode convert => Negate(convert.Source, context),
        SingleValueFunctionCallNode { Name: "contains" or "startswith" or "endswith" } function => Expression.AndAlso(
            function.Parameters.Select(p => (Expression)Expression.NotEqual(Bind(p, context), Expression.Constant(null, typeof(string)))).Aggregate(Expression.AndAlso),
            Expression.Not(Bind(function, context))),
        _ => Expression.Not(Bind(node, context)),
    };

    // A language-tag property (or a lambda variable over a collection of tags) compared with a string literal: the literal
    // is read as a tag (case-insensitively, with aliases; an unknown tag is a 400), then compared with the member's canonical text.
    private BinaryExpression? TagComparison(SingleValueNode tagSide, SingleValueNode literalSide, QueryBinderContext context)
    {
        if (TagSide(tagSide, context) is not { } tagType || literalSide is not ConstantNode { Value: string or null } literal)
        {
            return null;
        }

        var canonical = literal.Value is string value ? properties.CanonicalText(tagType, value) : null;
        var constant = canonical is null ? Expression.Constant(null, typeof(string)) : base.BindConstantNode(new ConstantNode(canonical), context);
        return Expression.Equal(Bind(tagSide, context), constant);
    }

    // The CLR type of the tag a node stands for, when it is a tag-valued property or a lambda variable over tag-valued elements.
    private Type? TagSide(SingleValueNode node, QueryBinderContext context) => node switch
    {
        SingleValuePropertyAccessNode property when TypedMember(property, context) is { } member && properties.HasLiteral(member.Type) => Underlying(member.Type),
        NonResourceRangeVariableReferenceNode { RangeVariable.CollectionNode: CollectionPropertyAccessNode collection }
            when properties.ElementType(properties.Access(collection.Property.Name, Source(collection.Source, context))) is { } element && properties.HasLiteral(element) => element,
        _ => null,
    };

    // The member a property node reads, before any text mapping; null for anything else.
    private Expression? TypedMember(SingleValueNode node, QueryBinderContext context) =>
        node is SingleValuePropertyAccessNode property ? properties.Access(property.Property.Name, Source(property.Source, context)) : null;

    // Enums are stored by name, so they compare as values of the enum (which EF Core sends as the name), never as numbers.
    private Expression EnumComparison(BinaryOperatorKind kind, BinaryOperatorNode node, QueryBinderContext context)
    {
        if (kind is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual))
        {
            throw new ODataQueryException(400, "BadRequest", $"The {kind} operator does not apply to an enumeration.", "$filter");
        }

        var (left, right) = (Operand(node.Left, context), Operand(node.Right, context));
        var type = Underlying(left.Type).IsEnum ? left.Type : right.Type;
        var lifted = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
        var equal = Expression.Equal(Lift(left, lifted), Lift(right, lifted));
        return kind == BinaryOperatorKind.Equal ? equal : Expression.Not(equal);
    }

    private Expression Operand(SingleValueNode node, QueryBinderContext context) =>
        TypedMember(Unconverted(node), context) ?? Bind(Unconverted(node), context);

    private static Expression Lift(Expression value, Type type) =>
        value.Type == type ? value
            : value is ConstantExpression { Value: null } ? Expression.Constant(null, type)
            : Expression.Convert(value, type);

    private Expression Source(SingleValueNode? source, QueryBinderContext context) =>
        source is null ? context.CurrentParameter : Bind(source, context);

    // The node a value is read from, through conversions the parser inserted and parameter aliases.
    private SingleValueNode Unconverted(SingleValueNode node) => Resolved(node) is ConvertNode convert ? Unconverted(convert.Source) : Resolved(node);

    private SingleValueNode Resolved(SingleValueNode node) => node switch
    {
        ParameterAliasNode alias when aliases?.TryGetValue(alias.Alias, out var value) == true && value is not null => Resolved(value),
        ParameterAliasNode alias => throw new ODataQueryException(400, "BadRequest", $"The parameter alias {alias.Alias} has no value.", alias.Alias),
        _ => node,
    };

    private static Expression Value(Expression value) => Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, "Value");

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}

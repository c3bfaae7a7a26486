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
    private readonly Dictionary<Type, Func<string, object>> _literals = [];
    private readonly Dictionary<Type, Func<Expression, Expression>> _texts = [];
    private readonly Dictionary<Type, Func<object, string>> _canonical = [];
    private readonly Dictionary<(string, Type), Func<Expression, Expression>> _functions = [];

    /// <summary>Maps an EDM property to a member of <typeparamref name="T"/>.</summary>
    public PropertyMap<T> Map<TValue>(string edmName, Expression<Func<T, TValue>> member)
    {
        _members[edmName] = row => Lambdas.Apply(member, row);
        return this;
    }

    /// <summary>Maps an EDM property to what <paramref name="member"/> (a lambda from <typeparamref name="T"/>) reads.</summary>
    public PropertyMap<T> Map(string edmName, LambdaExpression member)
    {
        if (member.Parameters is not [{ } row] || row.Type != typeof(T))
        {
            throw new ArgumentException($"The member for {edmName} must be a lambda from {typeof(T).Name}.", nameof(member));
        }

        _members[edmName] = target => Lambdas.Apply(member, target);
        return this;
    }

    /// <summary>
    /// How a string literal becomes a <typeparamref name="TValue"/> when compared with a member of that
    /// type (a language tag stored through a value converter, say). <paramref name="parse"/> throws
    /// <see cref="FormatException"/> for text that is not one, which the binder turns into a 400.
    /// </summary>
    public PropertyMap<T> Literal<TValue>(Func<string, TValue> parse)
        where TValue : notnull
    {
        _literals[typeof(TValue)] = text => parse(text);
        return this;
    }

    /// <summary>
    /// How a member of type <typeparamref name="TValue"/> reads as text, for string functions applied
    /// to it (a language tag column, say), when the type has a small fixed set of values: the text
    /// becomes <c>CASE WHEN member = v1 THEN 'text1' … END</c>, which any database can evaluate.
    /// </summary>
    public PropertyMap<T> Text<TValue>(IReadOnlyList<TValue> values, Func<TValue, string> text)
    {
        _texts[typeof(TValue)] = member => values.Aggregate(
            (Expression)Expression.Constant(null, typeof(string)),
            (otherwise, value) => Expression.Condition(Expression.Equal(member, Expression.Constant(value, typeof(TValue))), Expression.Constant(text(value)), otherwise));
        _canonical[typeof(TValue)] = value => text((TValue)value);
        return this;
    }

    /// <summary>
    /// A canonical function done by the store rather than by the .NET member the binder would use
    /// (<c>second</c> truncates in OData, while the provider's translation of the member rounds).
    /// </summary>
    public PropertyMap<T> Function<TArgument, TResult>(string name, Expression<Func<TArgument, TResult>> implementation)
    {
        _functions[(name, typeof(TArgument))] = argument => Lambdas.Apply(implementation, argument);
        return this;
    }

    /// <summary>The store's implementation of a one-argument function for an argument of this type, or null.</summary>
    public Expression? Function(string name, Expression argument) =>
        _functions.TryGetValue((name, argument.Type), out var implementation) ? implementation(argument) : null;

    /// <summary><paramref name="value"/> as a string expression: itself when it is one, else through <see cref="Text{TValue}"/>; null when it has no text.</summary>
    public Expression? AsText(Expression value) =>
        value.Type == typeof(string) ? value : _texts.TryGetValue(value.Type, out var text) ? text(value) : null;

    /// <summary>
    /// A collection whose elements have a text (language tags) as a collection of those texts, so that lambda
    /// variables over it are strings, as the EDM declares them; other collections as they are.
    /// </summary>
    public Expression ElementsAsText(Expression collection)
    {
        if (ElementType(collection) is not { } element || element == typeof(string) || !_texts.TryGetValue(element, out var text))
        {
            return collection;
        }

        var item = Expression.Parameter(element, "x");
        var selector = Expression.Lambda(text(item), item);
        var queryable = typeof(IQueryable<>).MakeGenericType(element).IsAssignableFrom(collection.Type);
        return queryable
            ? Expression.Call(typeof(Queryable), nameof(Queryable.Select), [element, typeof(string)], collection, Expression.Quote(selector))
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [element, typeof(string)], collection, selector);
    }

    /// <summary>The element type of a collection member, or null for a single value.</summary>
    public Type? ElementType(Expression collection) =>
        collection.Type == typeof(string) ? null
            : collection.Type.IsArray ? collection.Type.GetElementType()
            : collection.Type.GetInterfaces().Append(collection.Type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>Whether string literals compared with a <paramref name="type"/> are read as one (see <see cref="Literal{TValue}"/>).</summary>
    public bool HasLiteral(Type type) => _literals.ContainsKey(Nullable.GetUnderlyingType(type) ?? type) && _texts.ContainsKey(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>
    /// <paramref name="literal"/> read as a <paramref name="type"/> and written back as that value's text (<c>'EN'</c>
    /// becomes <c>en</c>); a 400 for text that is not one.
    /// </summary>
    public string CanonicalText(Type type, string literal)
    {
        if (!TryParseLiteral(type, literal, out var value) || value is null)
        {
            throw new ODataQueryException(400, "BadRequest", $"'{literal}' is not a {type.Name}.", literal);
        }

        return _canonical[type](value);
    }

    /// <summary>Reads <paramref name="text"/> as a value of <paramref name="type"/>, if a literal parser was given for it.</summary>
    public bool TryParseLiteral(Type type, string text, out object? value)
    {
        value = null;
        if (!_literals.TryGetValue(type, out var parse))
        {
            return false;
        }

        try
        {
            value = parse(text);
            return true;
        }
        catch (FormatException invalid)
        {
            throw new ODataQueryException(400, "BadRequest", invalid.Message, text);
        }
    }

    /// <summary>The member expression for a property on <paramref name="row"/>; 501 for a property that cannot be queried.</summary>
    public Expression Access(string edmName, Expression row) =>
        _members.TryGetValue(edmName, out var access)
            ? access(row)
            : throw ODataQueryException.NotImplemented($"Filtering or ordering by {edmName}");
}

using System.Linq.Expressions;
using ContentHub.Data;
using ContentHub.Data.Configurations;
using ContentHub.Domain.Languages;
using ContentHub.Search;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// A search as the database runs it. Text is analysed by its language (English stems and drops stop
/// words; the other languages are analysed alike), so a search becomes one tsquery for English rows and
/// one for the rest, and each row is matched and ranked with the one for its language.
/// </summary>
public sealed class SearchTerms
{
    private SearchTerms(SearchExpression expression)
    {
        Search = expression;
        English = SearchQuery.For(expression, LanguageTag.English);
        Other = SearchQuery.For(expression, LanguageTag.Vietnamese);
    }

    public SearchExpression Search { get; }

    public SearchQuery English { get; }

    public SearchQuery Other { get; }

    /// <summary>True when nothing in the search can be looked for in any language (only English stop words, say).</summary>
    public bool IsEmpty => English.Query is null && Other.Query is null;

    /// <summary>True when the search has a phrase, which the index alone cannot check (see <see cref="RelaxedQuery"/>).</summary>
    public bool HasPhrase => RelaxedQuery.HasPhrase(English.Query) || RelaxedQuery.HasPhrase(Other.Query);

    /// <summary>Parses a search; a <see cref="SearchSyntaxException"/> when it is not one.</summary>
    public static SearchTerms Parse(string text) => new(SearchExpression.Parse(text));

    public SearchQuery For(LanguageTag language) => language == LanguageTag.English ? English : Other;

    /// <summary>
    /// Rows whose index matches, for an entity with the search columns. Given the languages the rows can
    /// be in (a portal's chain), a search among rows that cannot be English, or can only be English,
    /// becomes one plain index condition, which PostgreSQL need not check again row by row.
    /// </summary>
    /// <param name="language">The row's language.</param>
    /// <param name="among">The languages the rows can be in, when known.</param>
    /// <param name="relaxed">Phrases as all of their words (<see cref="RelaxedQuery"/>): candidates, to be checked with the exact match.</param>
    public Expression<Func<T, bool>> Matching<T>(Expression<Func<T, LanguageTag>> language, IReadOnlyCollection<LanguageTag>? among = null, bool relaxed = false)
        where T : class
    {
        var mayBeEnglish = among?.Contains(LanguageTag.English) ?? true;
        var mayBeOther = among?.Any(l => l != LanguageTag.English) ?? true;
        var english = mayBeEnglish ? (relaxed ? RelaxedQuery.Of(English.Query) : English.Query) : null;
        var other = mayBeOther ? (relaxed ? RelaxedQuery.Of(Other.Query) : Other.Query) : null;
        Expression<Func<T, LanguageTag, bool>> match = (english, other) switch
        {
            (null, null) => (row, l) => false,
            (null, _) when !mayBeEnglish => (row, l) => EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Matches(other!),
            (null, _) => (row, l) => l != LanguageTag.English && EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Matches(other!),
            (_, null) when !mayBeOther => (row, l) => EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Matches(english),
            (_, null) => (row, l) => l == LanguageTag.English && EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Matches(english),
            _ when english.ToString() == other.ToString() => (row, l) => EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Matches(english),
            _ => (row, l) => (l == LanguageTag.English && EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Matches(english))
                || (l != LanguageTag.English && EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Matches(other)),
        };
        return WithLanguage(match, language);
    }

    /// <summary>
    /// The same as <see cref="Matching{T}"/>, checked row by row (<see cref="TextFunctions.MatchesRowByRow"/>):
    /// for rows already narrowed down otherwise, where asking the index for every match would cost more.
    /// </summary>
    public Expression<Func<T, bool>> MatchingRowByRow<T>(Expression<Func<T, LanguageTag>> language, IReadOnlyCollection<LanguageTag>? among = null)
        where T : class
    {
        var indexed = Matching(language, among);
        return Expression.Lambda<Func<T, bool>>(new RowByRow().Visit(indexed.Body), indexed.Parameters);
    }

    /// <summary>
    /// How well a row matches: ts_rank with PostgreSQL's default field weights (title 1.0, lead 0.4,
    /// body 0.2, files 0.1), divided by 1 + the log of the text's length so long texts do not win by
    /// length alone; a query with alternatives is ranked by its parts (<see cref="RankingQueries"/>).
    /// </summary>
    public Expression<Func<T, float>> Rank<T>(Expression<Func<T, LanguageTag>> language)
        where T : class
    {
        var english = English.Query;
        var other = Other.Query;
        Expression<Func<T, LanguageTag, float>> rank = (english, other) switch
        {
            (null, null) => (row, l) => 0f,
            (null, _) => (row, l) => l == LanguageTag.English ? 0f
                : EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Rank(other!, NpgsqlTsRankingNormalization.DivideBy1PlusLogLength),
            (_, null) => (row, l) => l == LanguageTag.English
                ? EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Rank(english, NpgsqlTsRankingNormalization.DivideBy1PlusLogLength) : 0f,
            _ => (row, l) => l == LanguageTag.English
                ? EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Rank(english, NpgsqlTsRankingNormalization.DivideBy1PlusLogLength)
                : EF.Property<NpgsqlTsVector>(row, SearchColumns.Vector).Rank(other, NpgsqlTsRankingNormalization.DivideBy1PlusLogLength),
        };
        return (Expression<Func<T, float>>)new RankedByParts().Visit(WithLanguage(rank, language));
    }

    /// <summary>Each row with its <see cref="Rank{T}"/>, for ordering by it.</summary>
    public Expression<Func<T, Scored<T>>> WithScore<T>(Expression<Func<T, LanguageTag>> language)
        where T : class
    {
        var rank = Rank(language);
        var row = rank.Parameters[0];
        return Expression.Lambda<Func<T, Scored<T>>>(
            Expression.MemberInit(Expression.New(typeof(Scored<T>)),
                Expression.Bind(typeof(Scored<T>).GetProperty(nameof(Scored<T>.Row))!, row),
                Expression.Bind(typeof(Scored<T>).GetProperty(nameof(Scored<T>.Score))!, rank.Body)),
            row);
    }

    /// <summary>An expression over an entity, as one over rows that hold it (a portal listing's entry, say).</summary>
    public static Expression<Func<TRow, TResult>> Through<TRow, T, TResult>(Expression<Func<T, TResult>> onEntity, Expression<Func<TRow, T>> entity) =>
        Expression.Lambda<Func<TRow, TResult>>(new Replace(onEntity.Parameters[0], entity.Body).Visit(onEntity.Body), entity.Parameters[0]);

    // (row, l) => body with l replaced by language(row).
    private static Expression<Func<T, TResult>> WithLanguage<T, TResult>(Expression<Func<T, LanguageTag, TResult>> body, Expression<Func<T, LanguageTag>> language)
    {
        var row = body.Parameters[0];
        var languageOfRow = new Replace(language.Parameters[0], row).Visit(language.Body);
        return Expression.Lambda<Func<T, TResult>>(new Replace(body.Parameters[1], languageOfRow).Visit(body.Body), row);
    }

    // vector.Rank(query, n) as the sum of vector.Rank(part, n) over the query's RankingQueries, each part a SQL parameter.
    private sealed class RankedByParts : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(NpgsqlFullTextSearchLinqExtensions.Rank) || node.Arguments.Count != 3 || Value(node.Arguments[1]) is not { } query)
            {
                return base.VisitMethodCall(node);
            }

            if (RankingQueries.ByDiacritics(query) is var (folded, exact))
            {
                // rank(folded) * (matches(exact) ? 2 : 1)
                var vector = node.Arguments[0];
                return Expression.Multiply(
                    Expression.Call(node.Method, vector, Held.Of(RankingQueries.Affordable(folded)), node.Arguments[2]),
                    Expression.Condition(Expression.Call(typeof(TextFunctions).GetMethod(nameof(TextFunctions.MatchesRowByRow))!, vector, Held.Of(exact)),
                        Expression.Constant(2f), Expression.Constant(1f)));
            }

            return RankingQueries.Of(query).Select(part => (Expression)Expression.Call(node.Method, node.Arguments[0], Held.Of(RankingQueries.Affordable(part)), node.Arguments[2]))
                .Aggregate(Expression.Add);
        }

        // The query a closure holds (the compiler's captured local), read without compiling anything.
        public static NpgsqlTsQuery? Value(Expression expression) => expression switch
        {
            MemberExpression { Member: System.Reflection.FieldInfo field, Expression: ConstantExpression { Value: var closure } } => field.GetValue(closure) as NpgsqlTsQuery,
            MemberExpression { Member: System.Reflection.PropertyInfo property, Expression: ConstantExpression { Value: var holder } } => property.GetValue(holder) as NpgsqlTsQuery,
            ConstantExpression { Value: NpgsqlTsQuery constant } => constant,
            _ => null,
        };
    }

    private sealed record Held(NpgsqlTsQuery Value)
    {
        // Read from an object, so EF Core sends it as a parameter.
        public static MemberExpression Of(NpgsqlTsQuery query) => Expression.Property(Expression.Constant(new Held(query)), nameof(Value));
    }

    // vector.Matches(query) (the @@ operator) as TextFunctions.MatchesRowByRow(vector, query); a Vietnamese
    // query by its words without diacritics alone, which every text with the words as typed holds at the
    // same positions too, so it matches exactly the same rows with half the words to look up.
    private sealed class RowByRow : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(NpgsqlFullTextSearchLinqExtensions.Matches) || node.Arguments.Count != 2 || node.Arguments[1].Type != typeof(NpgsqlTsQuery))
            {
                return base.VisitMethodCall(node);
            }

            var query = RankedByParts.Value(node.Arguments[1]) is { } known && RankingQueries.ByDiacritics(known) is var (folded, _)
                ? Held.Of(folded)
                : Visit(node.Arguments[1]);
            return Expression.Call(typeof(TextFunctions).GetMethod(nameof(TextFunctions.MatchesRowByRow))!, Visit(node.Arguments[0]), query);
        }
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>A row and how well it matches a search.</summary>
public sealed class Scored<T>
{
    public T Row { get; init; } = default!;

    public float Score { get; init; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContentHub.Data;

/// <summary>SQL functions on times that queries call.</summary>
public static class TimeFunctions
{
    /// <summary>
    /// <c>floor(date_part('second', t))</c>: the whole seconds of a time, fraction dropped. EF Core
    /// translates <see cref="DateTimeOffset.Second"/> as <c>date_part('second', t)::int</c>, which
    /// rounds (57.52 s becomes 58), where OData's <c>second()</c> truncates.
    /// </summary>
    public static double WholeSeconds(DateTimeOffset time) =>
        throw new NotSupportedException($"{nameof(WholeSeconds)} is only for use in queries, where PostgreSQL evaluates it.");

    /// <summary>
    /// <c>date_part('second', t) - floor(date_part('second', t))</c>: the fraction of a second, to the
    /// microsecond PostgreSQL stores (OData's <c>fractionalseconds()</c>; the .NET member EF Core knows
    /// stops at milliseconds).
    /// </summary>
    public static double FractionalSeconds(DateTimeOffset time) =>
        throw new NotSupportedException($"{nameof(FractionalSeconds)} is only for use in queries, where PostgreSQL evaluates it.");

    private static readonly DoubleTypeMapping Double = new("double precision", System.Data.DbType.Double);

    internal static void Register(ModelBuilder builder)
    {
        builder.HasDbFunction(typeof(TimeFunctions).GetMethod(nameof(WholeSeconds))!)
            .HasStoreType("double precision")
            .HasTranslation(arguments => Floor(Seconds(arguments[0])));
        builder.HasDbFunction(typeof(TimeFunctions).GetMethod(nameof(FractionalSeconds))!)
            .HasStoreType("double precision")
            .HasTranslation(arguments => new SqlBinaryExpression(System.Linq.Expressions.ExpressionType.Subtract, Seconds(arguments[0]), Floor(Seconds(arguments[0])), typeof(double), Double));
    }

    private static SqlFunctionExpression Seconds(SqlExpression time) =>
        new("date_part", [new SqlFragmentExpression("'second'"), time], nullable: true, argumentsPropagateNullability: [false, true], typeof(double), Double);

    private static SqlFunctionExpression Floor(SqlExpression value) =>
        new("floor", [value], nullable: true, argumentsPropagateNullability: [true], typeof(double), Double);
}

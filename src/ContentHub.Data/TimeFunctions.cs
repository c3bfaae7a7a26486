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

    private static readonly DoubleTypeMapping Double = new("double precision", System.Data.DbType.Double);

    internal static void Register(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(TimeFunctions).GetMethod(nameof(WholeSeconds))!)
            .HasStoreType("double precision")
            .HasTranslation(arguments => new SqlFunctionExpression(
                "floor",
                [new SqlFunctionExpression("date_part", [new SqlFragmentExpression("'second'"), arguments[0]], nullable: true, argumentsPropagateNullability: [false, true], typeof(double), Double)],
                nullable: true, argumentsPropagateNullability: [true], typeof(double), typeMapping: null));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace ContentHub.Data;

/// <summary>SQL functions on text that queries call.</summary>
public static class TextFunctions
{
    /// <summary>
    /// <c>convert_to(text, 'UTF8')</c>: the text as UTF-8 bytes. Large texts that are only copied into
    /// a UTF-8 response (published bodies) are read so, without being decoded into a .NET string and
    /// encoded again.
    /// </summary>
    public static byte[] Utf8(string text) =>
        throw new NotSupportedException($"{nameof(Utf8)} is only for use in queries, where PostgreSQL evaluates it.");

    /// <summary>
    /// <c>lower(text COLLATE "und-x-icu")</c>: lower case by Unicode's rules. The database's own
    /// collation is "C", under which lower() changes ASCII letters only, so "BẮC" would become "bẮc".
    /// </summary>
    public static string Lower(string text) =>
        throw new NotSupportedException($"{nameof(Lower)} is only for use in queries, where PostgreSQL evaluates it.");

    /// <summary><c>upper(text COLLATE "und-x-icu")</c>: upper case by Unicode's rules (see <see cref="Lower"/>).</summary>
    public static string Upper(string text) =>
        throw new NotSupportedException($"{nameof(Upper)} is only for use in queries, where PostgreSQL evaluates it.");

    /// <summary>
    /// <c>ts_match_vq(vector, query)</c>: what <c>vector @@ query</c> answers, but as a function call no
    /// index can serve, so PostgreSQL checks it on the rows it has already chosen (the newest few
    /// hundred) instead of collecting every match from the index first.
    /// </summary>
    public static bool MatchesRowByRow(NpgsqlTypes.NpgsqlTsVector vector, NpgsqlTypes.NpgsqlTsQuery query) =>
        throw new NotSupportedException($"{nameof(MatchesRowByRow)} is only for use in queries, where PostgreSQL evaluates it.");

    /// <summary>ICU's root collation, which PostgreSQL has wherever it is built with ICU (Debian's and the common cloud builds).</summary>
    public const string UnicodeCollation = "und-x-icu";

    internal static void Register(ModelBuilder builder)
    {
        builder.HasDbFunction(typeof(TextFunctions).GetMethod(nameof(Utf8))!)
            .HasStoreType("bytea")
            .HasTranslation(arguments => new SqlFunctionExpression(
                "convert_to", [arguments[0], new SqlFragmentExpression("'UTF8'")], nullable: true, argumentsPropagateNullability: [true, false], typeof(byte[]), typeMapping: null));
        builder.HasDbFunction(typeof(TextFunctions).GetMethod(nameof(MatchesRowByRow))!).HasName("ts_match_vq").IsBuiltIn();
        foreach (var (method, sql) in new[] { (nameof(Lower), "lower"), (nameof(Upper), "upper") })
        {
            builder.HasDbFunction(typeof(TextFunctions).GetMethod(method)!)
                // The result is collated back to "C", so that comparing it orders as every other text does.
                .HasTranslation(arguments => new CollateExpression(
                    new SqlFunctionExpression(sql, [new CollateExpression(arguments[0], UnicodeCollation)], nullable: true, argumentsPropagateNullability: [true], typeof(string), arguments[0].TypeMapping),
                    "C"));
        }
    }
}

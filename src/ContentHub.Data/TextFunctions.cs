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

    internal static void Register(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(TextFunctions).GetMethod(nameof(Utf8))!)
            .HasStoreType("bytea")
            .HasTranslation(arguments => new SqlFunctionExpression(
                "convert_to", [arguments[0], new SqlFragmentExpression("'UTF8'")], nullable: true, argumentsPropagateNullability: [true, false], typeof(byte[]), typeMapping: null));
}

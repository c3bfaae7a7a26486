using ContentHub.Data;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace ContentHub.Api.Tests.Database;

/// <summary>
/// Our migrations are SQL written by hand (the EF design-time package is not available to our
/// builds), so this is what keeps them honest: migrating an empty database must give exactly the
/// schema that EF Core would create from the model, column by column, index by index, constraint by constraint.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task Migrating_an_empty_database_gives_exactly_the_schema_of_the_model()
    {
        var migrated = await PostgresCluster.CreateEmptyDatabaseAsync("migrated");
        await using (var db = DatabaseSetup.CreateContext(migrated))
        {
            await db.MigrateContentHubAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var modelled = await PostgresCluster.CreateEmptyDatabaseAsync("modelled");
        await using (var db = DatabaseSetup.CreateContext(modelled))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        var expected = await SchemaAsync(modelled);
        var actual = await SchemaAsync(migrated);
        Assert.True(expected.Count > 60, $"Only {expected.Count} schema facts were read.");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Migrations_can_be_reverted_to_an_empty_database()
    {
        var connectionString = await PostgresCluster.CreateEmptyDatabaseAsync("reverted");
        await using var db = DatabaseSetup.CreateContext(connectionString);
        await db.MigrateContentHubAsync();

        await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);

        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await SchemaAsync(connectionString));
    }

    /// <summary>Every table, column, index and constraint of the public schema but EF's history table, as sorted lines of text.</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'table ' || table_name || ' column ' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """;
        var facts = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var fact = reader.GetString(0);
            if (!fact.Contains(DatabaseSetup.MigrationsHistoryTable, StringComparison.Ordinal))
            {
                facts.Add(fact);
            }
        }

        facts.Sort(StringComparer.Ordinal);
        return facts;
    }
}

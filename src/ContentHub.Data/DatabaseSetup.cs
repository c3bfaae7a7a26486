using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Data;

/// <summary>How every part of ContentHub (service, tests, tools) configures and migrates its database.</summary>
public static class DatabaseSetup
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder UseContentHubDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable));

    /// <summary>A context outside dependency injection, for tools and tests.</summary>
    public static ContentHubDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ContentHubDbContext>();
        options.UseContentHubDatabase(connectionString);
        return new ContentHubDbContext(options.Options);
    }

    /// <summary>
    /// Applies pending migrations. The history table is created first: Npgsql otherwise finds out that
    /// it is missing by letting a query fail, which logs a false error on every new database
    /// (efcore.pg issue 3407).
    /// </summary>
    public static async Task MigrateContentHubAsync(this ContentHubDbContext db, CancellationToken cancellationToken = default)
    {
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}

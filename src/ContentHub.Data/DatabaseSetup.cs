using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Data;

/// <summary>How every part of ContentHub (service, tests, tools) configures and migrates its database.</summary>
public static class DatabaseSetup
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>Statements prepared on the server per connection, unless the connection string sets <c>Max Auto Prepare</c>.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static DbContextOptionsBuilder UseContentHubDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        // One statement per query: an item's collections (six variants, a few files) are small, so
        // joining them costs less than a round trip each.
        options.UseNpgsql(WithDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            // The exception reaches the service's handler, which logs it once (and an outage once, not per
            // request); EF Core's own error events would log the same stack trace again. Failed SQL
            // commands stay logged, with their text.
            .ConfigureWarnings(events => events.Log(
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    // The portal queries repeat all day with new values; prepared after a few uses, they skip
    // PostgreSQL's planner, which otherwise costs more than running them.
    private static string WithDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

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

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentHub.Data;

/// <summary>How every part of ContentHub (service, tests, tools) configures its DbContext.</summary>
public static class DatabaseSetup
{
    public static DbContextOptionsBuilder UseContentHubDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // Migrations are SQL files without EF model snapshots (see MigrationScript), so EF cannot
            // compare models itself; MigrationSchemaTests compares the resulting schemas instead.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
}

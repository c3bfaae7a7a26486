using ContentHub.Data;
using ContentHub.Data.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContentHub.Testing;

/// <summary>
/// One private PostgreSQL cluster per test run, started with the service's own launcher in a
/// temporary folder and stopped when the run ends. Migrations are applied once, to a template
/// database; every test class then gets its own copy (<see cref="CreateDatabaseAsync"/>), which takes
/// milliseconds and keeps classes independent, so they can run in parallel.
/// Set <c>CONTENTHUB_TEST_CONNECTION</c> to use an existing server instead (it must allow CREATE DATABASE).
/// </summary>
public static class PostgresCluster
{
    public const string ExternalServerVariable = "CONTENTHUB_TEST_CONNECTION";

    private const string TemplateDatabase = "contenthub_template";

    private static readonly Lazy<Task<Server>> Started = new(StartAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    /// <summary>Creates an empty, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await Started.Value.ConfigureAwait(false);
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        // CREATE DATABASE copies the template; copies made one at a time never contend for it.
        await CreateLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await ExecuteAsync(server.Admin, $"CREATE DATABASE \"{name}\" TEMPLATE {TemplateDatabase}").ConfigureAwait(false);
        }
        finally
        {
            CreateLock.Release();
        }

        return new NpgsqlConnectionStringBuilder(server.Admin) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/> once its class is done. Forcing it
    /// closes the connections its pools still hold, which would otherwise stay open until the run ends
    /// and, summed over every class, exhaust the server's connection slots.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Started.Value.ConfigureAwait(false);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(server.Admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").ConfigureAwait(false);
    }

    /// <summary>A connection string for a new database with nothing in it, not even migrations.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var server = await Started.Value.ConfigureAwait(false);
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await ExecuteAsync(server.Admin, $"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(server.Admin) { Database = name }.ConnectionString;
    }

    /// <summary>The launcher running the cluster, or null when an external server is used.</summary>
    public static async Task<EmbeddedPostgres?> EmbeddedAsync() => (await Started.Value.ConfigureAwait(false)).Embedded;

    private static async Task<Server> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        EmbeddedPostgres? embedded = null;
        string admin;
        if (!string.IsNullOrWhiteSpace(external))
        {
            admin = new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString;
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "contenthub-tests-" + Guid.NewGuid().ToString("N")[..12]);
            embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = false, MaxConnections = 400 }, NullLogger.Instance).ConfigureAwait(false);
            admin = embedded.ConnectionString("postgres");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(embedded, folder);
        }

        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {TemplateDatabase}").ConfigureAwait(false);
        await ExecuteAsync(admin, $"CREATE DATABASE {TemplateDatabase}").ConfigureAwait(false);
        var template = new NpgsqlConnectionStringBuilder(admin) { Database = TemplateDatabase }.ConnectionString;
        await using (var db = DatabaseSetup.CreateContext(template))
        {
            await db.MigrateContentHubAsync().ConfigureAwait(false);
        }

        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
        return new Server(admin, embedded);
    }

    private static void StopAndDelete(EmbeddedPostgres embedded, string folder)
    {
        embedded.StopAsync().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operating system's temporary-file cleaning.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private sealed record Server(string Admin, EmbeddedPostgres? Embedded);
}

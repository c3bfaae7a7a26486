using ContentHub.Api.Features.Demo;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Publishing;
using ContentHub.Data;
using ContentHub.Data.Embedded;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Hosting;

/// <summary>
/// Chooses the database: the configured connection string, or else a private PostgreSQL cluster
/// started from the locally installed binaries. Then migrates and seeds as configured.
/// </summary>
public static class DatabaseStartup
{
    public const string ConnectionStringName = "ContentHub";

    /// <summary>Registers the DbContext; starts the embedded cluster when no connection string is configured.</summary>
    public static async Task<EmbeddedPostgres?> AddContentHubDatabaseAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var options = builder.Configuration.GetSection(EmbeddedPostgresOptions.SectionName).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
            using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
            embedded = await EmbeddedPostgres.StartAsync(options, loggers.CreateLogger("ContentHub.EmbeddedPostgres")).ConfigureAwait(false);
            connectionString = embedded.ConnectionString();
            builder.Services.AddSingleton(embedded);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
            builder.Services.AddHostedService<EmbeddedPostgresWatchdog>();
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(new DatabaseOptions
        {
            MigrateOnStartup = database.MigrateOnStartup ?? (embedded is not null || builder.Environment.IsDevelopment()),
            SeedDemoContent = database.SeedDemoContent ?? embedded is not null,
        });
        // Pooled: contexts are reset and reused, and their options are built once, not per request.
        builder.Services.AddDbContextPool<ContentHubDbContext>(options => options.UseContentHubDatabase(connectionString));
        builder.Services.AddHostedService<DatabaseOutageMonitor>();
        return embedded;
    }

    /// <summary>Applies migrations and loads the demo content, as <see cref="DatabaseOptions"/> say.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        if (options.MigrateOnStartup == true)
        {
            await scope.ServiceProvider.GetRequiredService<ContentHubDbContext>().MigrateContentHubAsync().ConfigureAwait(false);
            await scope.ServiceProvider.GetRequiredService<PublicationProjector>().BackfillAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await scope.ServiceProvider.GetRequiredService<AccountsBootstrap>().EnsureRolesAndAdministratorAsync().ConfigureAwait(false);
        if (options.SeedDemoContent == true)
        {
            await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedIfEmptyAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

using ContentHub.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentHub.Testing;

/// <summary>The real service, in memory, on its own database. Configuration goes in exactly as an operator's would.</summary>
public sealed class ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-test-2026";

    public string ConnectionString { get; } = connectionString;

    /// <summary>Every SQL command the service under test sends.</summary>
    public CommandLog Commands { get; } = new();

    public ContentHubDbContext CreateDbContext() => DatabaseSetup.CreateContext(ConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ContentHub", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoContent", "false");
        builder.UseSetting("Auth:AdminPassword", AdminPassword);
        // Tests drive scheduled publishing themselves, on a clock they control.
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Translation:WorkerEnabled", "false");
        builder.UseSetting("Sync:PruneEnabled", "false");
        builder.UseSetting("Webhooks:WorkerEnabled", "false");
        builder.UseSetting("Search:BackgroundIndexing", "false");
        builder.UseSetting("Media:CleanUpUnusedFiles", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.ConfigureDbContext<ContentHubDbContext>(options => options.AddInterceptors(Commands)));
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }
}

using Microsoft.EntityFrameworkCore.Design;

namespace ContentHub.Data;

/// <summary>
/// How <c>dotnet ef</c> builds the context: adding a migration needs the model only, not a server, so
/// no database is contacted unless a command asks for one (then set <c>ConnectionStrings__ContentHub</c>).
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ContentHubDbContext>
{
    public ContentHubDbContext CreateDbContext(string[] args) =>
        DatabaseSetup.CreateContext(Environment.GetEnvironmentVariable("ConnectionStrings__ContentHub") ?? "Host=localhost;Database=contenthub_design");
}

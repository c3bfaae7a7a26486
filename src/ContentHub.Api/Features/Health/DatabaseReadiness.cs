using ContentHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentHub.Api.Features.Health;

/// <summary>Ready means: the database answers and every migration this build knows is applied.</summary>
public sealed class DatabaseReadiness(ContentHubDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is current.")
                : HealthCheckResult.Unhealthy($"{pending} migrations are not applied.");
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception))
        {
            // What failed stays in the outage log; a public endpoint says no more than this.
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}

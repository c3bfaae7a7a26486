using ContentHub.Api.Http;
using ContentHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Hosting;

/// <summary>During an outage, asks the database every second whether it answers again, and ends the outage when it does.</summary>
public sealed class DatabaseOutageMonitor(DatabaseOutage outage, IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (outage.Ongoing && await AnswersAsync(stoppingToken).ConfigureAwait(false))
            {
                // Pooled connections to the server that went away would each fail once more.
                Npgsql.NpgsqlConnection.ClearAllPools();
                outage.Ended();
            }
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentHubDbContext>();
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception))
        {
            return false;
        }
    }
}

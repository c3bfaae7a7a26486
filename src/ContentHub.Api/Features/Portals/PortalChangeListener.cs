using ContentHub.Api.Http;
using ContentHub.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// Listens on <see cref="PortalDirectory.Channel"/> so that a portal or key changed on another instance
/// (a revoked key, above all) stops being served from this one's memory at once, and on
/// <see cref="PortalAnswerCache.Channel"/> so that cached answers go when what portals carry changes.
/// While the connection is down the directory is dropped on every reconnect (its entries expire after
/// a minute anyway) and no answer is served from the cache.
/// </summary>
public sealed partial class PortalChangeListener(
    IServiceScopeFactory scopes, PortalDirectory directory, PortalAnswerCache answers, DatabaseOutage outage, ILogger<PortalChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                answers.Listening(false);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                answers.Listening(false);
                directory.Invalidate();
                if (DatabaseUnavailable.Is(exception))
                {
                    outage.Noticed(exception);
                }
                else
                {
                    LogRetrying(logger, exception, RetryAfter.TotalSeconds);
                }

                await Task.Delay(RetryAfter, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<ContentHubDbContext>().Database.GetConnectionString()!;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, notification) =>
        {
            answers.Invalidate();
            if (notification.Channel == PortalDirectory.Channel)
            {
                directory.Invalidate();
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {PortalDirectory.Channel}; LISTEN {PortalAnswerCache.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        }

        // Anything may have changed while we were not listening.
        directory.Invalidate();
        answers.Listening(true);
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for portal changes; retrying in {Seconds} s (cached portals expire within a minute meanwhile)")]
    private static partial void LogRetrying(ILogger logger, Exception exception, double seconds);
}

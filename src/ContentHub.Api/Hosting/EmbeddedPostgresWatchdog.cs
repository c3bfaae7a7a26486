using ContentHub.Data.Embedded;

namespace ContentHub.Api.Hosting;

/// <summary>
/// Looks every second whether the embedded PostgreSQL server still runs, and starts it again when
/// it died: without this a killed server stayed down until a person restarted the service. While it
/// is down (PostgreSQL's crash recovery took 3–5 s when measured), requests get 503.
/// </summary>
public sealed partial class EmbeddedPostgresWatchdog(EmbeddedPostgres server, TimeProvider clock, ILogger<EmbeddedPostgresWatchdog> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var failing = false;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await server.RestartIfDeadAsync(stoppingToken).ConfigureAwait(false))
                {
                    LogRestarted(logger, server.ServerProcessId());
                }

                failing = false;
            }
            catch (EmbeddedPostgresException exception)
            {
                // Often the dead server's backends still hold its shared memory for a moment: try again next tick, say so once.
                if (!failing)
                {
                    LogRestartFailed(logger, exception.Message);
                }

                failing = true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded PostgreSQL server runs again (pid {Pid})")]
    private static partial void LogRestarted(ILogger logger, int? pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the embedded PostgreSQL server again failed; retrying every second: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string reason);
}

namespace ContentHub.Api.Http;

/// <summary>
/// The service's view of a database outage, so that it is logged once and not per request: the first
/// failure logs what happened, later ones are only counted, and the outage monitor
/// logs the end with the count once the database answers again.
/// </summary>
public sealed partial class DatabaseOutage(TimeProvider clock, ILogger<DatabaseOutage> logger)
{
    /// <summary>What clients are told to wait before they try again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private DateTimeOffset? _since;
    private long _refused;

    public bool Ongoing
    {
        get
        {
            lock (_lock)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>Records a request refused because the database cannot be reached.</summary>
    public void Refused(Exception cause) => Record(cause, refused: 1);

    /// <summary>Background work found the database unreachable: part of the same outage, logged with it, not on its own.</summary>
    public void Noticed(Exception cause) => Record(cause, refused: 0);

    private void Record(Exception cause, int refused)
    {
        lock (_lock)
        {
            _refused += refused;
            if (_since is not null)
            {
                return;
            }

            _since = clock.GetUtcNow();
        }

        LogStarted(logger, cause.GetBaseException().Message);
    }

    /// <summary>The database answered again: logs how long it was away and how many requests got 503.</summary>
    public void Ended()
    {
        DateTimeOffset since;
        long refused;
        lock (_lock)
        {
            if (_since is not { } start)
            {
                return;
            }

            since = start;
            refused = _refused;
            _since = null;
            _refused = 0;
        }

        LogEnded(logger, (clock.GetUtcNow() - since).TotalSeconds, refused);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database cannot be reached ({Reason}); requests that need it are answered 503 until it is back")]
    private static partial void LogStarted(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database answers again after {Seconds:0.0} s; {Refused} requests were answered 503 meanwhile")]
    private static partial void LogEnded(ILogger logger, double seconds, long refused);
}

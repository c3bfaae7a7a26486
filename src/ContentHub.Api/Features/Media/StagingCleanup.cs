using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Removes what uploads cut off by a crash left in <c>incoming/</c>: files not written to for
/// <see cref="MediaOptions.StagingMaxAge"/>, and resumable uploads left as long. An upload in progress writes all the time, so it is never
/// taken; a finished one was renamed away. Runs at start and every hour, on every instance (each
/// cleans its own disk).
/// </summary>
public sealed partial class StagingCleanup(IOptions<MediaOptions> options, ResumableUploads resumable, TimeProvider clock, ILogger<StagingCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the stale staging files now; returns how many.</summary>
    public int RunOnce()
    {
        var removed = resumable.RemoveExpired();
        var incoming = Path.Combine(Path.GetFullPath(options.Value.DiskPath), "incoming");
        if (!Directory.Exists(incoming))
        {
            return removed;
        }

        var before = clock.GetUtcNow().UtcDateTime - options.Value.StagingMaxAge;
        foreach (var file in new DirectoryInfo(incoming).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < before)
            {
                try
                {
                    file.Delete();
                    removed++;
                }
                catch (IOException)
                {
                    // Taken or gone meanwhile: the next round sees it again.
                }
            }
        }

        if (removed > 0)
        {
            LogRemoved(logger, removed, incoming);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            RunOnce();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} upload(s) left unfinished in {Folder}")]
    private static partial void LogRemoved(ILogger logger, int count, string folder);
}

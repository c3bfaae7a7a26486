namespace ContentHub.Api.Features.Media;

/// <summary>
/// <c>ContentHub.Api media-cleanup</c>: deletes now what the daily and hourly clean-ups would: files no
/// item uses that are older than <c>Media:UnusedFileMaxAge</c>, and uploads left unfinished for
/// <c>Media:StagingMaxAge</c>; prints how many, and exits. For an operator's cron, or before a backup.
/// </summary>
public static class MediaCleanupCommand
{
    public const string Name = "media-cleanup";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown option {options[0]}. Usage: {Name}").ConfigureAwait(false);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var files = 0;
        int deleted;
        do
        {
            // A thousand at a time, until none is left.
            deleted = await scope.ServiceProvider.GetRequiredService<MediaRemoval>().CleanUpAsync(cancellationToken).ConfigureAwait(false);
            files += deleted;
        }
        while (deleted > 0);

        var uploads = scope.ServiceProvider.GetRequiredService<StagingCleanup>().RunOnce();
        await output.WriteLineAsync($"Deleted {files:N0} unused file(s) and {uploads:N0} unfinished upload(s).").ConfigureAwait(false);
        return 0;
    }
}

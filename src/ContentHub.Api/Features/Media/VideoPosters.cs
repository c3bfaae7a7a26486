using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// A video's poster: one frame, a second in (or half-way through a shorter video), taken with ffmpeg
/// as JPEG on first request and kept with the renditions. Only as many are made at once as there are
/// cores; each is bounded in time.
/// </summary>
public sealed class VideoPosters(DiskMediaStore store) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _making = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The poster's path, made now if needed; null when ffmpeg cannot take a frame (or is not installed).</summary>
    public async Task<string?> PathAsync(string sha256, double? durationSeconds, CancellationToken cancellationToken)
    {
        var path = store.RenditionPathOf(sha256, "poster.jpg");
        if (File.Exists(path))
        {
            return path;
        }

        await _making.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var staging = path + "." + Guid.NewGuid().ToString("N") + ".part.jpg";
            var at = Math.Min(1.0, (durationSeconds ?? 0) / 2).ToString("0.###", CultureInfo.InvariantCulture);
            if (!await RunAsync(["-v", "error", "-ss", at, "-i", store.PathOf(sha256), "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg", "-q:v", "3", "-y", staging], cancellationToken).ConfigureAwait(false)
                || !File.Exists(staging))
            {
                File.Delete(staging);
                return null;
            }

            File.Move(staging, path, overwrite: true);
            return path;
        }
        finally
        {
            _making.Release();
        }
    }

    public void Dispose() => _making.Dispose();

    private static async Task<bool> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return false;
        }

        if (process is null)
        {
            return false;
        }

        using (process)
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            bounded.CancelAfter(Timeout);
            var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(bounded.Token), process.StandardError.ReadToEndAsync(bounded.Token));
            try
            {
                await process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
                await drained.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return process.ExitCode == 0;
        }
    }
}

using System.Globalization;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// A video's poster: one frame, a second in (or half-way through a shorter video), taken with ffmpeg
/// as JPEG on first request and kept with the renditions. Only as many are made at once as there are
/// cores; each is bounded in time.
/// </summary>
public sealed class VideoPosters(IMediaStore store, MediaStaging staging) : IDisposable
{
    private readonly SemaphoreSlim _making = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The poster, made now if needed; null when ffmpeg cannot take a frame (or is not installed).</summary>
    public async Task<StoredFile?> OpenAsync(string sha256, double? durationSeconds, CancellationToken cancellationToken)
    {
        var key = MediaKeys.Rendition(sha256, "poster.jpg");
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await _making.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false) && !await MakeAsync(sha256, durationSeconds, key, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
            finally
            {
                _making.Release();
            }
        }

        return await store.OpenAsync(key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> MakeAsync(string sha256, double? durationSeconds, string key, CancellationToken cancellationToken)
    {
        using var video = await store.LocalAsync(MediaKeys.File(sha256), cancellationToken).ConfigureAwait(false);
        var made = staging.Scratch(".jpg");
        var at = Math.Min(1.0, (durationSeconds ?? 0) / 2).ToString("0.###", CultureInfo.InvariantCulture);
        var run = await MediaTools.RunAsync("ffmpeg", ["-v", "error", "-ss", at, "-i", video.Path, "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg", "-q:v", "3", "-y", made.Path], cancellationToken)
            .ConfigureAwait(false);
        if (run is not (0, _) || !File.Exists(made.Path))
        {
            made.Dispose();
            return false;
        }

        await store.PutAsync(key, made, "image/jpeg", cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => _making.Dispose();
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ContentHub.Api.Features.Media;

/// <summary>What ffprobe reads from a video: its duration, its video stream's codec and size, and its audio codec if it has sound.</summary>
public sealed record VideoFacts(double DurationSeconds, string VideoCodec, int Width, int Height, string? AudioCodec);

/// <summary>
/// Runs <c>ffprobe</c> (from Debian's ffmpeg package) on an uploaded video, bounded in time. A file
/// ffprobe cannot read as a video, or without a video stream, is not one, whatever its first bytes say.
/// </summary>
public sealed partial class VideoProbe(ILogger<VideoProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Outcome(VideoFacts? Facts, bool ToolMissing);

    public async Task<Outcome> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            LogMissing(logger);
            return new Outcome(null, ToolMissing: true);
        }

        using (process)
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            bounded.CancelAfter(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(bounded.Token);
            var errors = process.StandardError.ReadToEndAsync(bounded.Token);
            try
            {
                await process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new Outcome(process.ExitCode == 0 ? Parse(await output.ConfigureAwait(false)) : null, ToolMissing: false);
        }
    }

    private static VideoFacts? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("streams", out var streams))
        {
            return null;
        }

        var video = streams.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("codec_type", out var type) && type.GetString() == "video");
        if (video.ValueKind != JsonValueKind.Object || !video.TryGetProperty("width", out var width) || !video.TryGetProperty("height", out var height))
        {
            return null;
        }

        var audio = streams.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("codec_type", out var type) && type.GetString() == "audio");
        var duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var text)
            && double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        return new VideoFacts(
            Math.Round(duration, 3), video.GetProperty("codec_name").GetString() ?? "unknown", width.GetInt32(), height.GetInt32(),
            audio.ValueKind == JsonValueKind.Object ? audio.GetProperty("codec_name").GetString() : null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ffprobe is not installed (apt-get install ffmpeg): videos are stored without their duration, codecs and size")]
    private static partial void LogMissing(ILogger logger);
}

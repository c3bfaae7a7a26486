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
    public sealed record Outcome(VideoFacts? Facts, bool ToolMissing);

    public async Task<Outcome> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var run = await MediaTools.RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], cancellationToken).ConfigureAwait(false);
        if (run is not var (exitCode, output))
        {
            LogMissing(logger);
            return new Outcome(null, ToolMissing: true);
        }

        return new Outcome(exitCode == 0 ? Parse(output) : null, ToolMissing: false);
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

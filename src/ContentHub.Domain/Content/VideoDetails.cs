namespace ContentHub.Domain.Content;

/// <summary>
/// What only a video has: its length, and where it is hosted when that is elsewhere (an uploaded
/// video and poster are attached as files instead, see <see cref="FileLink"/>).
/// </summary>
public sealed record VideoDetails(int DurationSeconds, Uri? VideoUrl, Uri? PosterUrl)
{
    public const int MaxDurationSeconds = 24 * 60 * 60;
}

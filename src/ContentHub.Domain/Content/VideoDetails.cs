namespace ContentHub.Domain.Content;

/// <summary>What only a video has. Files are hosted elsewhere for now, so the video is a URL.</summary>
public sealed record VideoDetails(int DurationSeconds, Uri VideoUrl, Uri? PosterUrl)
{
    public const int MaxDurationSeconds = 24 * 60 * 60;
}

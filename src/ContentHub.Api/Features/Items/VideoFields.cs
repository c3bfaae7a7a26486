namespace ContentHub.Api.Features.Items;

/// <summary>The fields only a video has.</summary>
/// <param name="DurationSeconds">Length of the video in seconds (1 to 86,400).</param>
/// <param name="VideoUrl">Where the video is hosted: an absolute http or https URL.</param>
/// <param name="PosterUrl">Optional still image shown before playing: an absolute http or https URL.</param>
public sealed record VideoFields(int DurationSeconds, string VideoUrl, string? PosterUrl = null);

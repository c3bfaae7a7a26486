namespace ContentHub.Api.Features.Items;

/// <summary>The fields only a video has: the video is an uploaded file or a URL elsewhere.</summary>
/// <param name="DurationSeconds">Length of the video in seconds (1 to 86,400); required with a URL, taken from the file when it is uploaded and this is left out.</param>
/// <param name="VideoUrl">Where the video is hosted, if elsewhere: an absolute http or https URL. Give this or videoFileId.</param>
/// <param name="PosterUrl">Optional still image shown before playing, if hosted elsewhere: an absolute http or https URL.</param>
/// <param name="VideoFileId">The uploaded video (MP4 or WebM; POST /api/v1/media). Give this or videoUrl.</param>
/// <param name="PosterFileId">An uploaded poster image. Without one (and without posterUrl), portals get a frame of the uploaded video.</param>
/// <param name="Subtitles">Uploaded subtitle tracks (WebVTT, or SRT converted at upload), at most one per language.</param>
public sealed record VideoFields(
    int? DurationSeconds = null,
    string? VideoUrl = null,
    string? PosterUrl = null,
    Guid? VideoFileId = null,
    Guid? PosterFileId = null,
    IReadOnlyList<LanguageFile>? Subtitles = null);

/// <summary>An uploaded file for one language, or for every language when the language is left out.</summary>
/// <param name="FileId">The file (POST /api/v1/media).</param>
/// <param name="Language">The language it is for (BCP 47); left out: every language.</param>
public sealed record LanguageFile(Guid FileId, string? Language = null);

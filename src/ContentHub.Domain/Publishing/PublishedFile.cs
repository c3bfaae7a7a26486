using System.Text.Json;
using System.Text.Json.Serialization;
using ContentHub.Domain.Content;
using ContentHub.Domain.Media;

namespace ContentHub.Domain.Publishing;

/// <summary>
/// A file of a published entry as portals see it in the entry's language: what it is to the item, what
/// the file is, and its alternative text and caption in that language. Copied when the entry is shown,
/// like the rest of the entry, so portals see what was approved.
/// </summary>
public sealed record PublishedFile(
    Guid Id, FileRole Role, string ContentType, long Size, string FileName, string Sha256,
    int? Width, int? Height, double? DurationSeconds, string? AltText, string? Caption, DateTimeOffset UploadedAt, FocalPoint? Focus = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.Ordinal);

    /// <summary>
    /// The files portals reading <paramref name="language"/> get: for each role the file in that
    /// language, else the one for every language (subtitles only in the language itself).
    /// </summary>
    public static List<PublishedFile> For(
        IEnumerable<FileLink> links, string language, IReadOnlyDictionary<Guid, MediaFile> files, IReadOnlyDictionary<(Guid, string), MediaCaption> captions) =>
        links.Where(l => l.AppliesTo(language))
            .GroupBy(l => l.Role)
            .Select(g => g.OrderBy(l => l.Language is null ? 1 : 0).First())
            .Where(l => files.ContainsKey(l.FileId))
            .OrderBy(l => l.Role)
            .Select(l =>
            {
                var file = files[l.FileId];
                var caption = captions.GetValueOrDefault((file.Id, language));
                return new PublishedFile(file.Id, l.Role, file.ContentType, file.Size, file.FileName, file.Sha256, file.Width, file.Height, file.DurationSeconds,
                    caption?.AltText, caption?.Caption, file.UploadedAt, file.IsImage ? file.Focus : null);
            })
            .ToList();

    /// <summary>An image the entry's text places (<see cref="FileRole.Inline"/>), with its alternative text and caption in the entry's language.</summary>
    public static PublishedFile Inline(MediaFile file, MediaCaption? caption) =>
        new(file.Id, FileRole.Inline, file.ContentType, file.Size, file.FileName, file.Sha256, file.Width, file.Height, null,
            caption?.AltText, caption?.Caption, file.UploadedAt, file.Focus);

    public static string ToJson(List<PublishedFile> files) => JsonSerializer.Serialize(files, Json);

    public static List<PublishedFile> FromJson(string json) => JsonSerializer.Deserialize<List<PublishedFile>>(json, Json) ?? [];
}

using System.Globalization;
using ContentHub.Api.Features.Media;
using ContentHub.Domain.Media;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// A file of an entry as a portal gets it: what it is, its text in the entry's language, and absolute
/// addresses under <c>/files/{portal}/</c> — the file, each rendition of an image with a ready
/// <c>srcset</c> per format, a video's poster frame. OData, feeds and sync all write this one shape.
/// </summary>
public sealed record PortalFile(
    Guid Id, string Role, string ContentType, long Size, string FileName, int? Width, int? Height, double? DurationSeconds,
    string? AltText, string? Caption, string Url, IReadOnlyDictionary<string, string>? Renditions, IReadOnlyDictionary<string, string>? Srcset, string? PosterUrl,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Crops = null);

/// <summary>Makes <see cref="PortalFile"/>s for one request: its scheme and host are the addresses' base.</summary>
/// <param name="widths">The rendition widths served.</param>
/// <param name="crops">The aspect ratios crops are served in: each gets a <c>srcset</c> per format under <see cref="PortalFile.Crops"/>.</param>
public sealed class PortalFileLinks(IReadOnlyList<int> widths, IReadOnlyList<AspectRatio> crops)
{
    public static readonly string[] Formats = ["webp", "jpg"];

    /// <summary>The base of every address: the service as the portal reached it (behind a proxy, as forwarded).</summary>
    public static string BaseOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public IReadOnlyList<PortalFile> For(string serviceBase, Portal portal, IEnumerable<PublishedFile> files) =>
        files.Select(f => For(serviceBase, portal, f)).ToList();

    public PortalFile For(string serviceBase, Portal portal, PublishedFile file)
    {
        var root = $"{serviceBase}/files/{Uri.EscapeDataString(portal.Slug)}/{file.Id}";
        Dictionary<string, string>? renditions = null;
        Dictionary<string, string>? srcset = null;
        Dictionary<string, IReadOnlyDictionary<string, string>>? cropped = null;
        if (file.IsImage)
        {
            // No rendition wider than the image itself is offered: it would only be the same pixels, larger.
            var fitting = widths.Where(w => file.Width is not { } width || w <= width).DefaultIfEmpty(widths[0]).ToList();
            renditions = fitting.SelectMany(w => Formats.Select(f => $"{w}.{f}")).ToDictionary(n => n, n => $"{root}/renditions/{n}", StringComparer.Ordinal);
            srcset = SrcsetOf(root, fitting, suffix: string.Empty);
            cropped = crops.ToDictionary(c => c.ToString(), c => (IReadOnlyDictionary<string, string>)SrcsetOf(root, fitting, "-" + c), StringComparer.Ordinal);
        }

        return new PortalFile(file.Id, file.Role.ToString(), file.ContentType, file.Size, file.FileName, file.Width, file.Height, file.DurationSeconds,
            file.AltText, file.Caption, root, renditions, srcset, file.IsVideo ? root + "/poster" : null, cropped);
    }

    private static Dictionary<string, string> SrcsetOf(string root, List<int> widths, string suffix) =>
        Formats.ToDictionary(f => f, f => string.Join(", ", widths.Select(w => $"{root}/renditions/{w}{suffix}.{f} {w.ToString(CultureInfo.InvariantCulture)}w")), StringComparer.Ordinal);
}

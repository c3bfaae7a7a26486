using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContentHub.Api.Features.Media;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// A published body as one portal gets it: each image placed by its stable address
/// (<see cref="InlineImages"/>) becomes a <c>&lt;picture&gt;</c> of the portal's own addresses, WebP
/// with a JPEG fallback, each with a <c>srcset</c> of the widths served, so the reader's browser
/// picks the rendition that fits. An image the entry does not carry (deleted since, say) becomes its
/// alternative text. Bodies without such images are returned as they are.
/// </summary>
public static partial class PortalHtml
{
    /// <summary>The width browsers are told an image is shown at, at most (CSS pixels).</summary>
    private const int ShownWidth = 1024;

    public static string ForPortal(string html, IReadOnlyList<PortalFile> files)
    {
        if (!html.Contains(InlineImages.Prefix, StringComparison.Ordinal))
        {
            return html;
        }

        return Image().Replace(html, match =>
        {
            var alt = match.Groups["alt"].Success ? match.Groups["alt"].Value : string.Empty;
            var id = Guid.Parse(match.Groups["id"].ValueSpan);
            if (files.FirstOrDefault(f => f.Id == id) is not { Renditions: { Count: > 0 } renditions, Srcset: { } srcset } file)
            {
                return alt; // already escaped: it comes from the stored HTML
            }

            var widths = renditions.Keys.Where(n => n.EndsWith(".jpg", StringComparison.Ordinal))
                .Select(n => int.Parse(n[..^4], CultureInfo.InvariantCulture)).Order().ToList();
            var shown = widths.LastOrDefault(w => w <= ShownWidth, widths[0]);
            var sizes = $"(max-width: {shown}px) 100vw, {shown}px";
            var size = file.Width is { } w && file.Height is { } h ? $" width=\"{w}\" height=\"{h}\"" : string.Empty;
            return $"<picture><source type=\"image/webp\" srcset=\"{Attribute(srcset["webp"])}\" sizes=\"{sizes}\">"
                + $"<img src=\"{Attribute(renditions[$"{shown}.jpg"])}\" srcset=\"{Attribute(srcset["jpg"])}\" sizes=\"{sizes}\" alt=\"{alt}\"{size} loading=\"lazy\"></picture>";
        });
    }

    private static string Attribute(string value) => WebUtility.HtmlEncode(value);

    // An <img> as the renderer and the HTML gate write it: src first, alt (escaped) after.
    [GeneratedRegex(@"<img src=""/assets/(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})""(?:[^>]*?\salt=""(?<alt>[^""]*)"")?[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Image();
}

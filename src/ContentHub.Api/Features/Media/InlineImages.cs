using System.Text.RegularExpressions;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Uploaded images placed in a text by their stable address, <c>/assets/{file id}</c>
/// (<c>![Cửa khẩu Hữu Nghị](/assets/0193…)</c> in Markdown): the address names the file, not a portal
/// or a size, so it survives every edit, translation and republication; portals get it as the
/// rendition that fits (see <c>PortalHtml</c>).
/// </summary>
public static partial class InlineImages
{
    public const string Prefix = "/assets/";

    /// <summary>At most this many images in one text.</summary>
    public const int MaxPerText = 50;

    /// <summary>The files a text (Markdown or its HTML) places, in order of first appearance.</summary>
    public static IReadOnlyList<Guid> In(string text) =>
        text.Contains(Prefix, StringComparison.Ordinal)
            ? Address().Matches(text).Select(m => Guid.Parse(m.Groups["id"].ValueSpan)).Distinct().ToList()
            : [];

    [GeneratedRegex(@"/assets/(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9A-Za-z-])", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}

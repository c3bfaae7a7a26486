using System.Globalization;
using ContentHub.Domain.Media;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// One of the served renditions of an image: a width, optionally a crop to an aspect ratio around the
/// focal point, and a format. Named <c>640.webp</c> (the whole image) or <c>640-16x9.webp</c> (cropped).
/// </summary>
public sealed record Rendition(int Width, AspectRatio? Crop, string Extension, string MediaType)
{
    public string Name => Crop is { } crop ? $"{Width}-{crop}.{Extension}" : $"{Width}.{Extension}";

    /// <summary>The stored name: a crop's depends on the focal point, so moving it makes new crops.</summary>
    public string StoredName(FocalPoint focus) => Crop is { } crop ? $"{Width}-{crop}-{focus.Key}.{Extension}" : Name;

    /// <summary>The strong validator: the same bytes under every route that serves them.</summary>
    public string Tag(string sha256, FocalPoint focus) =>
        Crop is { } crop ? $"\"{sha256[..32]}-{Width}-{crop}-{focus.Key}-{Extension}\"" : $"\"{sha256[..32]}-{Width}-{Extension}\"";
}

/// <summary>An aspect ratio crops are made in, written <c>16x9</c>.</summary>
public readonly record struct AspectRatio(int Across, int Down)
{
    public double Value => (double)Across / Down;

    public static bool TryParse(string text, out AspectRatio ratio)
    {
        ratio = default;
        var x = text.IndexOf('x', StringComparison.Ordinal);
        if (x <= 0 || !int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out var across)
            || !int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var down) || across is < 1 or > 99 || down is < 1 or > 99)
        {
            return false;
        }

        ratio = new AspectRatio(across, down);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Across}x{Down}");
}

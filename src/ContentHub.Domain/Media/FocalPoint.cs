using System.Globalization;

namespace ContentHub.Domain.Media;

/// <summary>
/// Where the subject of an image is, as fractions of its upright width and height from the top left
/// (0.5, 0.5 is the middle): crops to another aspect ratio keep it in view.
/// </summary>
public readonly record struct FocalPoint(double X, double Y)
{
    public static readonly FocalPoint Center = new(0.5, 0.5);

    public static bool IsValid(double x, double y) => x is >= 0 and <= 1 && y is >= 0 and <= 1;

    /// <summary>In thousandths, as rendition names and validators carry it (<c>500-500</c>).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(X * 1000):0}-{Math.Round(Y * 1000):0}");
}

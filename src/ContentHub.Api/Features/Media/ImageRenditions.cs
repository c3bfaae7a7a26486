using ContentHub.Domain.Media;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Smaller copies of an uploaded image, in the configured widths only (an attacker cannot ask for
/// sizes that make the service resize all day), as WebP or JPEG, made on first request and kept
/// beside the file. Re-encoding writes no metadata: EXIF (a photographer's GPS position above all)
/// never reaches what portals get; the EXIF orientation is applied to the pixels first. Decoding is
/// bounded twice: images over <see cref="MediaOptions.MaxImagePixels"/> are refused at upload, and
/// at most as many renditions are made at once as there are cores.
/// </summary>
public sealed class ImageRenditions(IMediaStore store, MediaStaging staging, IOptions<MediaOptions> options) : IDisposable
{
    private static readonly Dictionary<string, (SKEncodedImageFormat Format, string MediaType)> Formats = new(StringComparer.Ordinal)
    {
        ["webp"] = (SKEncodedImageFormat.Webp, "image/webp"),
        ["jpg"] = (SKEncodedImageFormat.Jpeg, "image/jpeg"),
    };

    private readonly SemaphoreSlim _making = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Every rendition name served: each width whole, and cropped to each aspect ratio.</summary>
    public IEnumerable<string> Names => All.Select(r => r.Name);

    /// <summary>Every rendition served.</summary>
    public IEnumerable<Rendition> All =>
        from crop in options.Value.Crops.Select(c => (AspectRatio?)c).Prepend(null)
        from width in options.Value.Widths
        from format in Formats
        select new Rendition(width, crop, format.Key, format.Value.MediaType);

    /// <summary>The rendition a name (<c>640.webp</c>, <c>640-16x9.jpg</c>) asks for, when it is one that is served.</summary>
    public Rendition? Parse(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Formats.TryGetValue(name[(dot + 1)..], out var format))
        {
            return null;
        }

        var size = name[..dot];
        var dash = size.IndexOf('-', StringComparison.Ordinal);
        AspectRatio? crop = null;
        if (dash >= 0)
        {
            if (!AspectRatio.TryParse(size[(dash + 1)..], out var ratio) || !options.Value.Crops.Contains(ratio))
            {
                return null;
            }

            (crop, size) = (ratio, size[..dash]);
        }

        return int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && options.Value.Widths.Contains(width)
            ? new Rendition(width, crop, name[(dot + 1)..], format.MediaType)
            : null;
    }

    /// <summary>The rendition, made now if it is not stored yet; crops around <paramref name="focus"/>.</summary>
    public async Task<StoredFile> OpenAsync(string sha256, Rendition rendition, FocalPoint focus, CancellationToken cancellationToken)
    {
        var key = MediaKeys.Rendition(sha256, rendition.StoredName(focus));
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await _making.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
                {
                    using var original = await store.LocalAsync(MediaKeys.File(sha256), cancellationToken).ConfigureAwait(false);
                    var made = staging.Scratch("." + rendition.Extension);
                    var bytes = Make(original.Path, rendition.Width, rendition.Crop, focus, Formats[rendition.Extension].Format, options.Value.RenditionQuality);
                    await File.WriteAllBytesAsync(made.Path, bytes, cancellationToken).ConfigureAwait(false);
                    await store.PutAsync(key, made, rendition.MediaType, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _making.Release();
            }
        }

        return await store.OpenAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Width and height from the file's header, without decoding its pixels; null when it is not a readable image.</summary>
    public static (int Width, int Height)? Probe(string path)
    {
        using var stream = File.OpenRead(path);
        using var codec = SKCodec.Create(stream);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    public void Dispose() => _making.Dispose();

    private static byte[] Make(string original, int width, AspectRatio? crop, FocalPoint focus, SKEncodedImageFormat format, int quality)
    {
        using var stream = File.OpenRead(original);
        using var codec = SKCodec.Create(stream) ?? throw new InvalidDataException("The stored image cannot be decoded.");
        using var decoded = SKBitmap.Decode(codec) ?? throw new InvalidDataException("The stored image cannot be decoded.");
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var framed = new SKBitmap();
        var area = crop is { } ratio ? CropArea(upright.Width, upright.Height, ratio, focus) : new SKRectI(0, 0, upright.Width, upright.Height);
        if (!upright.ExtractSubset(framed, area))
        {
            throw new InvalidDataException("The image could not be cropped.");
        }

        var target = Math.Min(width, framed.Width);
        var height = Math.Max(1, (int)Math.Round(framed.Height * (double)target / framed.Width));
        using var resized = framed.Resize(new SKImageInfo(target, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidDataException("The image could not be resized.");
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>
    /// The largest area of the ratio that fits in the image, centred on the focal point as far as the
    /// image's edges allow (a subject near an edge stays in, off-centre).
    /// </summary>
    public static SKRectI CropArea(int width, int height, AspectRatio ratio, FocalPoint focus)
    {
        var (across, down) = (double)width / height > ratio.Value
            ? ((int)Math.Max(1, Math.Round(height * ratio.Value)), height)
            : (width, (int)Math.Max(1, Math.Round(width / ratio.Value)));
        var left = (int)Math.Clamp(Math.Round(focus.X * width - across / 2.0), 0, width - across);
        var top = (int)Math.Clamp(Math.Round(focus.Y * height - down / 2.0), 0, height - down);
        return new SKRectI(left, top, left + across, top + down);
    }

    // EXIF orientation applied to the pixels, since the encoders write no EXIF to carry it.
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        if (degrees == 0)
        {
            return bitmap.Copy();
        }

        var rotated = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(rotated);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return rotated;
    }
}

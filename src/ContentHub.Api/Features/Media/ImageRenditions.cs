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

    /// <summary>Every rendition name served.</summary>
    public IEnumerable<string> Names => options.Value.Widths.SelectMany(w => Formats.Keys.Select(f => $"{w}.{f}"));

    /// <summary>The width and format a rendition name (<c>640.webp</c>) asks for, when it is one that is served.</summary>
    public (int Width, string Extension, string MediaType)? Parse(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !int.TryParse(name.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width)
            || !options.Value.Widths.Contains(width) || !Formats.TryGetValue(name[(dot + 1)..], out var format))
        {
            return null;
        }

        return (width, name[(dot + 1)..], format.MediaType);
    }

    /// <summary>The rendition, made now if it is not stored yet.</summary>
    public async Task<StoredFile> OpenAsync(string sha256, int width, string extension, CancellationToken cancellationToken)
    {
        var key = MediaKeys.Rendition(sha256, $"{width}.{extension}");
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await _making.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
                {
                    using var original = await store.LocalAsync(MediaKeys.File(sha256), cancellationToken).ConfigureAwait(false);
                    var made = staging.Scratch("." + extension);
                    await File.WriteAllBytesAsync(made.Path, Make(original.Path, width, Formats[extension].Format, options.Value.RenditionQuality), cancellationToken).ConfigureAwait(false);
                    await store.PutAsync(key, made, Formats[extension].MediaType, cancellationToken).ConfigureAwait(false);
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

    private static byte[] Make(string original, int width, SKEncodedImageFormat format, int quality)
    {
        using var stream = File.OpenRead(original);
        using var codec = SKCodec.Create(stream) ?? throw new InvalidDataException("The stored image cannot be decoded.");
        using var decoded = SKBitmap.Decode(codec) ?? throw new InvalidDataException("The stored image cannot be decoded.");
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var target = Math.Min(width, upright.Width);
        var height = Math.Max(1, (int)Math.Round(upright.Height * (double)target / upright.Width));
        using var resized = upright.Resize(new SKImageInfo(target, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidDataException("The image could not be resized.");
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(format, quality);
        return data.ToArray();
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

using System.Diagnostics;
using SkiaSharp;

namespace ContentHub.Api.Tests.Media;

/// <summary>Real files made by the tests: pictures with SkiaSharp, short videos with ffmpeg, each one new bytes.</summary>
public static class TestMedia
{
    // A gradient with a random stripe: every test's image is new bytes.
    public static SKBitmap Picture(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.DarkGreen, SKColors.Gold], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, width, height, paint);
        using var stripe = new SKPaint { Color = new SKColor((uint)Random.Shared.Next()) };
        canvas.DrawRect(Random.Shared.Next(width / 2), 0, 10, height, stripe);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(format, 90))
        {
            return data.ToArray();
        }
    }

    public static byte[] Png(int width, int height) => Encode(Picture(width, height), SKEncodedImageFormat.Png);

    // Two seconds of a plain colour (and a tone), 320×240; a random colour keeps each file new.
    public static async Task<byte[]> VideoAsync(string extension, string[] codecs)
    {
        var path = Path.Combine(Path.GetTempPath(), $"contenthub-video-{Guid.NewGuid():N}.{extension}");
        var colour = Random.Shared.Next(0x1000000).ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-v", "error", "-f", "lavfi", "-i", $"color=c=0x{colour}:s=320x240:d=2:r=10", "-f", "lavfi", "-i", "sine=frequency=440:duration=2" }
            .Concat(codecs).Concat(["-shortest", path]))
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start)!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, errors);
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static Task<byte[]> Mp4Async() => VideoAsync("mp4", ["-c:v", "mpeg4", "-c:a", "aac"]);
}

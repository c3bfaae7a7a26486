using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Api.Features.Media;
using ContentHub.Data.Embedded;
using ContentHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace ContentHub.Benchmarks;

/// <summary>
/// Renditions of a 12-megapixel photo: the time to make each (its first request), then wrk against
/// one kept rendition and against nginx serving the same bytes, in the same run.
/// </summary>
public static class MediaBenchmark
{
    public static async Task RunAsync(TimeSpan duration)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"contenthub-media-benchmark-{Environment.ProcessId}");
        try
        {
            await MeasureAsync(folder, duration);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string folder, TimeSpan duration)
    {
        const string AdminPassword = "Bench-admin-2026";
        await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(folder, "postgres"), Durable = false, Database = "benchmark" }, NullLogger.Instance);
        await using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings__ContentHub"] = cluster.ConnectionString(),
            ["Database__MigrateOnStartup"] = "true",
            ["Auth__AdminPassword"] = AdminPassword,
            ["Scheduling__Enabled"] = "false",
            ["Media__DiskPath"] = Path.Combine(folder, "media"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        var address = await service.WaitUntilListeningAsync(TimeSpan.FromMinutes(2));
        var (token, _) = await Staff.SignInAsync(Importer.Client(address), "admin", AdminPassword);
        using var admin = Importer.Client(address, token);

        var photo = Photo(4000, 3000);
        using var content = new ByteArrayContent(photo) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } };
        using var uploaded = await admin.PostAsync("/api/v1/media?fileName=photo-12mp.jpg", content);
        var file = (await uploaded.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;

        Console.WriteLine($"Photo: {file.Width} × {file.Height} JPEG, {photo.Length / 1024} KiB");
        Console.WriteLine("| rendition | made in ms (first request) | bytes | served again in ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, url) in file.Renditions!)
        {
            var made = Stopwatch.StartNew();
            var bytes = await admin.GetByteArrayAsync(url);
            made.Stop();
            var again = Stopwatch.StartNew();
            await admin.GetByteArrayAsync(url);
            Console.WriteLine($"| {name} | {made.Elapsed.TotalMilliseconds:F0} | {bytes.Length} | {again.Elapsed.TotalMilliseconds:F1} |");
        }

        var kept = new Uri(address, file.Renditions["1024.webp"]).AbsoluteUri;
        var body = await admin.GetByteArrayAsync(kept);
        var authorization = "Authorization: Bearer " + token;
        await Wrk.RunAsync(kept, TimeSpan.FromSeconds(15), header: authorization);
        var served = await Wrk.RunAsync(kept, duration, header: authorization);
        await using var nginx = await Nginx.ServeAsync(body, "image/webp", port: 18082);
        var yardstick = await Wrk.RunAsync(nginx.Url.AbsoluteUri, duration);
        Console.WriteLine();
        Console.WriteLine($"Serving the kept 1024.webp ({body.Length} bytes), wrk -t2 -c32 -d{duration.TotalSeconds}s on the same cores:");
        Console.WriteLine("| server | requests/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| ContentHub | {served.RequestsPerSecond:F0} | {served.P50Milliseconds:F2} | {served.P99Milliseconds:F2} |");
        Console.WriteLine($"| nginx, same file | {yardstick.RequestsPerSecond:F0} | {yardstick.P50Milliseconds:F2} | {yardstick.P99Milliseconds:F2} |");
        Console.WriteLine($"Ratio to nginx: {served.RequestsPerSecond / yardstick.RequestsPerSecond:P1}");
    }

    // A photo-like 12-megapixel JPEG: gradients and many shapes, so the encoder has detail to keep.
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [SKColors.SkyBlue, SKColors.ForestGreen], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, sky);
            var random = new Random(2026);
            using var shape = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 4000; i++)
            {
                shape.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(64, 200));
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(4, 80), shape);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}

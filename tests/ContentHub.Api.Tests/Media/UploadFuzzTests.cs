using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ContentHub.Api.Features.Media;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Media;

/// <summary>
/// Uploads as an outside prober sends them, generated from a fixed seed: random bytes, valid files of
/// every type with bytes flipped, cut short or prefixed, under random declared types. Every answer is a
/// clear one (201, 200, 400, 413 or 415, never a 5xx), and whatever is stored is exactly what was sent.
/// </summary>
public sealed class UploadFuzzTests(MediaFixture api) : IClassFixture<MediaFixture>
{
    private static readonly string[] Declared =
        ["image/png", "image/jpeg", "application/pdf", "video/mp4", "text/vtt", "application/x-subrip", "application/octet-stream", "image/svg+xml", "text/html", "", "not a type", "multipart/form-data"];

    [Fact]
    public async Task Generated_and_mangled_uploads_get_clear_answers_and_never_a_server_error()
    {
        var random = new Random(20261202);
        var seeds = new[]
        {
            Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
            TestPdf.Make("Fuzz"),
            Encoding.UTF8.GetBytes("WEBVTT\n\n00:01.000 --> 00:02.000\nXin chào\n"),
            Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nXin chào\n"),
            [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2', 0, 0, 0, 0],
            [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0],
            Encoding.ASCII.GetBytes("GIF89a"),
            Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 "),
        };
        var answers = new Dictionary<HttpStatusCode, int>();
        for (var round = 0; round < 120; round++)
        {
            var bytes = Mangle(seeds[random.Next(seeds.Length)], random);
            var declared = Declared[random.Next(Declared.Length)];
            using var content = new ByteArrayContent(bytes);
            if (declared.Length > 0)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", declared);
            }

            using var response = await api.Client.PostAsync("/api/v1/media?fileName=" + Uri.EscapeDataString($"../fuzz/{round}\\x.bin"), content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType,
                $"Round {round}: {(int)response.StatusCode} for {bytes.Length} bytes declared '{declared}': {body}");
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
            if (response.StatusCode is HttpStatusCode.Created)
            {
                var file = JsonSerializerOptionsHolder.Read(body);
                Assert.DoesNotContain("/", file.FileName, StringComparison.Ordinal);
                Assert.DoesNotContain("\\", file.FileName, StringComparison.Ordinal);
                var stored = await api.Client.GetByteArrayAsync(file.ContentUrl);
                // SRT is stored converted; everything else byte for byte.
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
                if (file.ContentType != "text/vtt")
                {
                    Assert.Equal(bytes, stored);
                }
            }
        }

        // The generator reaches both sides: files accepted and files refused.
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.Created) > 0 && answers.GetValueOrDefault(HttpStatusCode.UnsupportedMediaType) > 0, string.Join(", ", answers));
    }

    private static byte[] Mangle(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        switch (random.Next(5))
        {
            case 0:
                return [];
            case 1:
                // Random bytes throughout.
                return Enumerable.Range(0, random.Next(1, 400)).Select(_ => (byte)random.Next(256)).ToArray();
            case 2:
                // A few bytes flipped.
                for (var i = 0; i < random.Next(1, 4) && bytes.Count > 0; i++)
                {
                    bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 3:
                // Cut short.
                bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                break;
            default:
                // Something after it (and a unique tail, so it is a new file).
                bytes.AddRange(Guid.NewGuid().ToByteArray());
                break;
        }

        return [.. bytes];
    }

    private static class JsonSerializerOptionsHolder
    {
        public static MediaResponse Read(string body) => System.Text.Json.JsonSerializer.Deserialize<MediaResponse>(body, TestJson.Options)!;
    }
}

/// <summary>What a crash mid-upload leaves in the staging folder is removed once it is a day old, and nothing younger.</summary>
public sealed class StagingCleanupTests(MediaFixture api) : IClassFixture<MediaFixture>
{
    [Fact]
    public void Unfinished_uploads_older_than_a_day_are_removed()
    {
        var incoming = Directory.CreateDirectory(Path.Combine(api.Folder, "incoming")).FullName;
        var stale = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        var fresh = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        File.WriteAllText(stale, "left by a crash");
        File.WriteAllText(fresh, "still arriving");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(fresh, DateTime.UtcNow.AddHours(-23));

        var cleanup = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StagingCleanup>(api.Factory.Services);
        Assert.Equal(1, cleanup.RunOnce());
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ContentHub.Api.Features.Media;
using ContentHub.Testing;
using SkiaSharp;

namespace ContentHub.Api.Tests.Media;

/// <summary>Renditions in the configured widths only, without metadata, and images that would unpack too large refused.</summary>
public sealed class DiskImageRenditionTests(MediaFixture api) : ImageRenditionTests<MediaFixture>(api);

public sealed class S3ImageRenditionTests(S3MediaFixture api) : ImageRenditionTests<S3MediaFixture>(api);

public abstract class ImageRenditionTests<TFixture>(TFixture api) : IClassFixture<TFixture>
    where TFixture : MediaFixture
{
    [Fact]
    public async Task An_image_is_served_in_the_configured_widths_as_webp_and_jpeg()
    {
        var file = await UploadAsync(TestMedia.Encode(TestMedia.Picture(2000, 1000), SKEncodedImageFormat.Png), "image/png", "toan-canh.png");
        Assert.Equal((2000, 1000), (file.Width, file.Height));
        Assert.Equal($"/api/v1/media/{file.Id}/renditions/640.webp", file.Renditions!["640.webp"]);

        using var webp = await api.Client.GetAsync(file.Renditions["640.webp"]);
        Assert.Equal(HttpStatusCode.OK, webp.StatusCode);
        Assert.Equal("image/webp", webp.Content.Headers.ContentType!.MediaType);
        var bytes = await webp.Content.ReadAsByteArrayAsync();
        using (var decoded = SKBitmap.Decode(bytes))
        {
            Assert.Equal((640, 320), (decoded.Width, decoded.Height));
        }

        // Made once, then read from storage: the same bytes.
        Assert.Equal(bytes, await api.Client.GetByteArrayAsync(file.Renditions["640.webp"]));

        // Never larger than the original.
        using (var widest = SKBitmap.Decode(await api.Client.GetByteArrayAsync(file.Renditions["2048.jpg"])))
        {
            Assert.Equal((2000, 1000), (widest.Width, widest.Height));
        }

        foreach (var unserved in new[] { "700.webp", "640.png", "640", "-640.webp", "0640.webp.webp" })
        {
            using var refused = await api.Client.GetAsync($"/api/v1/media/{file.Id}/renditions/{unserved}");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.NotFound, "not-found");
        }
    }

    [Fact]
    public async Task Renditions_carry_no_exif_so_no_gps_position_reaches_portals()
    {
        var jpeg = WithExifGps(TestMedia.Encode(TestMedia.Picture(800, 600), SKEncodedImageFormat.Jpeg));
        var file = await UploadAsync(jpeg, "image/jpeg", "anh-gps.jpg");
        Assert.Equal((800, 600), (file.Width, file.Height));
        Assert.Contains("Exif", Encoding.Latin1.GetString(await api.Client.GetByteArrayAsync(file.ContentUrl)), StringComparison.Ordinal);

        foreach (var name in new[] { "320.jpg", "320.webp" })
        {
            var rendition = await api.Client.GetByteArrayAsync(file.Renditions![name]);
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(rendition), StringComparison.Ordinal);
            using var decoded = SKBitmap.Decode(rendition);
            Assert.Equal((320, 240), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public async Task An_image_that_would_unpack_into_too_many_pixels_is_refused_before_decoding()
    {
        // 20,000 × 20,000 pixels (1.6 GB decoded) in a few dozen bytes.
        using var response = await UploadRawAsync(PngHeader(20_000, 20_000), "image/png");
        var problem = await ProblemAssert.IsValidationProblemAsync(response, "file");
        Assert.Contains("20000 × 20000", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        using var unreadable = await UploadRawAsync([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4], "image/png");
        await ProblemAssert.IsProblemAsync(unreadable, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Crops_keep_the_focal_point_in_view()
    {
        // A wide picture with a red mark near its right edge: the middle square misses it, a square around the focal point holds it.
        var file = await UploadAsync(TestMedia.Encode(MarkedPicture(1600, 800, markX: 1400, markY: 400), SKEncodedImageFormat.Png), "image/png", "cua-khau-rong.png");
        Assert.Equal((0.5, 0.5, false), (file.FocalPoint!.X, file.FocalPoint.Y, file.FocalPoint.IsSet));
        Assert.Equal($"/api/v1/media/{file.Id}/renditions/640-1x1.jpg", file.Renditions!["640-1x1.jpg"]);
        using var middle = await api.Client.GetAsync(file.Renditions["640-1x1.jpg"]);
        var middleTag = middle.Headers.ETag!.Tag;
        using (var square = SKBitmap.Decode(await middle.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((640, 640), (square.Width, square.Height));
            Assert.Equal(0, RedPixels(square));
        }

        using var set = await api.Client.PutAsJsonAsync($"/api/v1/media/{file.Id}/focal-point", new FocalPointRequest(0.875, 0.5), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var focalPoint = (await set.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!.FocalPoint!;
        Assert.Equal((0.875, 0.5, true), (focalPoint.X, focalPoint.Y, focalPoint.IsSet));
        using var focused = await api.Client.GetAsync(file.Renditions["640-1x1.jpg"]);
        Assert.NotEqual(middleTag, focused.Headers.ETag!.Tag);
        using (var square = SKBitmap.Decode(await focused.Content.ReadAsByteArrayAsync()))
        {
            // The crop is the right half (800 to 1600): the mark's middle lands at 600/800 of it, 480 of 640 pixels.
            Assert.Equal((640, 640), (square.Width, square.Height));
            Assert.True(RedPixels(square) > 1000);
            Assert.True(IsRed(square.GetPixel(480, 320)));
        }

        using (var wide = SKBitmap.Decode(await api.Client.GetByteArrayAsync($"/api/v1/media/{file.Id}/renditions/1024-16x9.webp")))
        {
            Assert.Equal((1024, 576), (wide.Width, wide.Height));
        }

        // Back to the middle: the first crop again, byte for byte (kept under its focal point).
        using var cleared = await api.Client.DeleteAsync($"/api/v1/media/{file.Id}/focal-point");
        Assert.False((await cleared.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!.FocalPoint!.IsSet);
        using var again = await api.Client.GetAsync(file.Renditions["640-1x1.jpg"]);
        Assert.Equal(middleTag, again.Headers.ETag!.Tag);

        foreach (var unserved in new[] { "640-2x1.webp", "640-16x9", "640-16x.webp", "640-x9.webp", "640-0x9.webp", "700-16x9.webp", "640-16x9-1x1.webp" })
        {
            using var refused = await api.Client.GetAsync($"/api/v1/media/{file.Id}/renditions/{unserved}");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.NotFound, "not-found");
        }
    }

    [Fact]
    public async Task A_focal_point_lies_within_an_image()
    {
        var file = await UploadAsync(TestMedia.Png(100, 80), "image/png", "nho.png");
        foreach (var (body, field) in new[] { ("{\"x\":1.5,\"y\":0.5}", "x"), ("{\"x\":0.5,\"y\":-0.1}", "y"), ("{\"x\":0.5}", "'y'"), ("{}", "'x'"), ("{\"x\":\"NaN\",\"y\":0}", "x") })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await api.Client.PutAsync($"/api/v1/media/{file.Id}/focal-point", content);
            if (field.StartsWith('\''))
            {
                // A member left out: the body cannot be read as a focal point at all.
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-request");
                Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                continue;
            }

            await ProblemAssert.IsValidationProblemAsync(response, field);
        }

        var pdf = await UploadAsync(TestPdf.Make("Not an image " + Guid.NewGuid()), "application/pdf", "b.pdf");
        foreach (var id in new[] { pdf.Id, Guid.NewGuid() })
        {
            using var response = await api.Client.PutAsJsonAsync($"/api/v1/media/{id}/focal-point", new FocalPointRequest(0.5, 0.5), TestJson.Options);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        }

        var (translator, _) = await Staff.NewAsync(api.Factory, [ContentHub.Domain.People.Role.Translator]);
        using var forbidden = await translator.PutAsJsonAsync($"/api/v1/media/{file.Id}/focal-point", new FocalPointRequest(0.5, 0.5), TestJson.Options);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static SKBitmap MarkedPicture(int width, int height, int markX, int markY)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(markX - 50, markY - 50, 100, 100, red);
        return bitmap;
    }

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Green < 60 && c.Blue < 60;

    private static int RedPixels(SKBitmap bitmap) => bitmap.Pixels.Count(IsRed);

    [Fact]
    public async Task Files_that_are_not_images_have_no_renditions()
    {
        var pdf = await UploadAsync(TestPdf.Make("Not an image " + Guid.NewGuid()), "application/pdf", "a.pdf");
        Assert.Null(pdf.Renditions);
        using var response = await api.Client.GetAsync($"/api/v1/media/{pdf.Id}/renditions/640.webp");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private async Task<MediaResponse> UploadAsync(byte[] bytes, string declared, string name)
    {
        using var response = await UploadRawAsync(bytes, declared, name);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
    }

    private Task<HttpResponseMessage> UploadRawAsync(byte[] bytes, string declared, string name = "x") => MediaHttp.UploadAsync(api.Client, bytes, declared, name);

    // An APP1 segment right after SOI: EXIF with a GPS IFD holding a latitude reference.
    private static byte[] WithExifGps(byte[] jpeg)
    {
        var tiff = new byte[]
        {
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0,
            1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 1, 0, 2, 0, 2, 0, 0, 0, (byte)'N', 0, 0, 0, 0, 0, 0, 0,
        };
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = (ushort)(payload.Length + 2);
        return [jpeg[0], jpeg[1], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    private static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        return [.. length, .. typed, .. crc];
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ContentHub.Api.Features.Media;
using ContentHub.Domain.People;
using ContentHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Media;

/// <summary>Resumable uploads by tus 1.0: pieces, a broken connection resumed, refusals as early as the bytes allow.</summary>
public sealed class DiskResumableUploadTests(MediaFixture api) : ResumableUploadTests<MediaFixture>(api);

public sealed class S3ResumableUploadTests(S3MediaFixture api) : ResumableUploadTests<S3MediaFixture>(api);

public abstract class ResumableUploadTests<TFixture>(TFixture api) : IClassFixture<TFixture>
    where TFixture : MediaFixture
{
    [Fact]
    public async Task A_large_file_sent_in_pieces_survives_a_broken_connection_and_becomes_one_stored_file()
    {
        // 600 KB against a request limit of 64 KB, in pieces of 200 KB, the second one cut off on the way.
        var pdf = TestPdf.Make("Investment guide " + Guid.NewGuid(), 600_000);
        var upload = await CreateAsync(pdf.Length, "Cẩm nang đầu tư.pdf", "application/pdf");
        Assert.Equal(0, await OffsetAsync(upload));

        using (var first = await PatchAsync(upload, 0, pdf[..200_000]))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
            Assert.Equal("200000", first.Headers.GetValues("Upload-Offset").Single());
            Assert.False(first.Headers.Contains(ResumableUploadEndpoints.MediaIdHeader));
        }

        using (var broken = new HttpRequestMessage(HttpMethod.Patch, upload) { Content = Piece(new BreakingStream(pdf[200_000..400_000], breakAfter: 90_000)) })
        {
            broken.Headers.Add("Tus-Resumable", "1.0.0");
            broken.Headers.Add("Upload-Offset", "200000");
            await Assert.ThrowsAnyAsync<Exception>(() => api.Client.SendAsync(broken));
        }

        // What arrived is kept (the server may still be noticing the break); the client goes on from there.
        var offset = await SettledOffsetAsync(upload);
        Assert.InRange(offset, 200_000, 290_000);
        Guid mediaId;
        using (var rest = await PatchAsync(upload, offset, pdf[(int)offset..]))
        {
            Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
            Assert.Equal(pdf.Length.ToString(CultureInfo.InvariantCulture), rest.Headers.GetValues("Upload-Offset").Single());
            mediaId = Guid.Parse(rest.Headers.GetValues(ResumableUploadEndpoints.MediaIdHeader).Single());
        }

        var file = (await api.Client.GetFromJsonAsync<MediaResponse>($"/api/v1/media/{mediaId}", TestJson.Options))!;
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(pdf)), pdf.Length, "application/pdf", "Cẩm nang đầu tư.pdf"), (file.Sha256, file.Size, file.ContentType, file.FileName));
        Assert.Equal(pdf, await api.Client.GetByteArrayAsync(file.ContentUrl));

        // Done: HEAD still names the file, the pieces are gone, and sending the end again changes nothing.
        using var head = await HeadAsync(upload);
        Assert.Equal((pdf.Length.ToString(CultureInfo.InvariantCulture), mediaId.ToString()), (head.Headers.GetValues("Upload-Offset").Single(), head.Headers.GetValues(ResumableUploadEndpoints.MediaIdHeader).Single()));
        Assert.False(File.Exists(Path.Combine(api.Folder, "resumable", upload.OriginalString.Split('/')[^1] + ".part")));
        using var again = await PatchAsync(upload, pdf.Length, []);
        Assert.Equal(mediaId.ToString(), again.Headers.GetValues(ResumableUploadEndpoints.MediaIdHeader).Single());
    }

    [Fact]
    public async Task A_video_sent_in_pieces_is_probed_like_any_upload()
    {
        var video = await TestMedia.Mp4Async();
        var upload = await CreateAsync(video.Length, "clip.mp4", null);
        var half = video.Length / 2;
        using (var first = await PatchAsync(upload, 0, video[..half]))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var last = await PatchAsync(upload, half, video[half..]);
        var id = last.Headers.GetValues(ResumableUploadEndpoints.MediaIdHeader).Single();
        var file = (await api.Client.GetFromJsonAsync<MediaResponse>($"/api/v1/media/{id}", TestJson.Options))!;
        Assert.Equal("video/mp4", file.ContentType);
        Assert.NotNull(file.DurationSeconds);
        Assert.True(file.DurationSeconds > 0);
    }

    [Fact]
    public async Task The_first_piece_decides_the_type_and_a_refused_upload_is_gone()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>" + new string(' ', 200) + "</svg>");
        var upload = await CreateAsync(svg.Length + 1000, "x.svg", null);
        using var refused = await PatchAsync(upload, 0, svg);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        using var gone = await HeadAsync(upload);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // Declared as JPEG, the bytes a PNG.
        var png = TestMedia.Png(4, 4);
        var declared = await CreateAsync(png.Length, "x.jpg", "image/jpeg");
        using var mismatch = await PatchAsync(declared, 0, png);
        await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        // A PNG whose announced length is over the image limit (200 KB here): 413 with its first bytes.
        var large = await CreateAsync(250_000, "large.png", null);
        using var tooLarge = await PatchAsync(large, 0, png);
        await ProblemAssert.IsProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Creation_refuses_what_no_upload_could_become()
    {
        using var overImageLimit = await CreateRawAsync(("Upload-Length", "250000"), ("Upload-Metadata", "filetype " + Base64("image/png")));
        await ProblemAssert.IsProblemAsync(overImageLimit, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        using var noLength = await CreateRawAsync();
        await ProblemAssert.IsValidationProblemAsync(noLength, "Upload-Length");
        using var negative = await CreateRawAsync(("Upload-Length", "-5"));
        await ProblemAssert.IsValidationProblemAsync(negative, "Upload-Length");
        using var empty = await CreateRawAsync(("Upload-Length", "0"));
        await ProblemAssert.IsValidationProblemAsync(empty, "Upload-Length");
        using var deferred = await CreateRawAsync(("Upload-Defer-Length", "1"));
        await ProblemAssert.IsValidationProblemAsync(deferred, "Upload-Defer-Length");
        foreach (var metadata in new[] { "filename", "filename not-base64!", "filename " + Base64("a") + ",filename " + Base64("b"), "a b c", ",", "filename " + Convert.ToBase64String([0xC3, 0x28]) })
        {
            using var malformed = await CreateRawAsync(("Upload-Length", "10"), ("Upload-Metadata", metadata));
            if (metadata == "filename")
            {
                Assert.Equal(HttpStatusCode.Created, malformed.StatusCode); // a key without a value is allowed
                continue;
            }

            await ProblemAssert.IsValidationProblemAsync(malformed, "Upload-Metadata");
        }

        // Another protocol version: 412 naming the one served.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads") { Headers = { { "Upload-Length", "10" }, { "Tus-Resumable", "0.2.2" } } };
        using var wrongVersion = await api.Client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(wrongVersion, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal("1.0.0", wrongVersion.Headers.GetValues("Tus-Version").Single());
    }

    [Fact]
    public async Task Pieces_must_start_where_the_upload_stands_and_fit_its_length()
    {
        var pdf = TestPdf.Make("Brochure " + Guid.NewGuid(), 3_000);
        var upload = await CreateAsync(pdf.Length, "b.pdf", "application/pdf");
        using (var first = await PatchAsync(upload, 0, pdf[..1000]))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var wrongOffset = await PatchAsync(upload, 500, pdf[500..1500]);
        var problem = await ProblemAssert.IsProblemAsync(wrongOffset, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(1000, problem.GetProperty("uploadOffset").GetInt64());

        using var notAPiece = new HttpRequestMessage(HttpMethod.Patch, upload) { Content = new ByteArrayContent(pdf[1000..]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } } };
        notAPiece.Headers.Add("Tus-Resumable", "1.0.0");
        notAPiece.Headers.Add("Upload-Offset", "1000");
        using var wrongType = await api.Client.SendAsync(notAPiece);
        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        // More than the length: what fits is kept, the rest refused.
        using var tooLong = await PatchAsync(upload, 1000, [.. pdf[1000..], .. new byte[5000]]);
        await ProblemAssert.IsValidationProblemAsync(tooLong, "body");
        Assert.Equal(pdf.Length, await OffsetAsync(upload));

        // Only the person who started it sees it.
        var (other, _) = await Staff.NewAsync(api.Factory, [Role.Editor]);
        using var otherHead = new HttpRequestMessage(HttpMethod.Head, upload) { Headers = { { "Tus-Resumable", "1.0.0" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(otherHead)).StatusCode);
        using var otherPatch = new HttpRequestMessage(HttpMethod.Patch, upload) { Content = Piece(new MemoryStream([])) };
        otherPatch.Headers.Add("Tus-Resumable", "1.0.0");
        otherPatch.Headers.Add("Upload-Offset", pdf.Length.ToString(CultureInfo.InvariantCulture));
        await ProblemAssert.IsProblemAsync(await other.SendAsync(otherPatch), HttpStatusCode.NotFound, "not-found");

        // Abandoned: gone.
        using var delete = new HttpRequestMessage(HttpMethod.Delete, upload) { Headers = { { "Tus-Resumable", "1.0.0" } } };
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client.SendAsync(delete)).StatusCode);
        using var gone = await HeadAsync(upload);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var unknown = await HeadAsync(new Uri("/api/v1/uploads/..%2F..%2Fetc%2Fpasswd", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Discovery_names_the_version_extensions_and_largest_length()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/uploads");
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Version").Single());
        Assert.Equal("creation,termination,expiration", response.Headers.GetValues("Tus-Extension").Single());
        Assert.Equal((4L * 1024 * 1024 * 1024).ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("Tus-Max-Size").Single());
        using var anonymous = await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/uploads"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_upload_left_for_a_day_expires()
    {
        var upload = await CreateAsync(5000, "left.pdf", null);
        using var created = await HeadAsync(upload);
        var expires = DateTimeOffset.Parse(created.Headers.GetValues("Upload-Expires").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));

        var id = upload.OriginalString.Split('/')[^1];
        foreach (var path in Directory.GetFiles(Path.Combine(api.Folder, "resumable"), id + ".*"))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-2));
        }

        Assert.True(api.Factory.Services.GetRequiredService<StagingCleanup>().RunOnce() >= 1);
        using var gone = await HeadAsync(upload);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(api.Folder, "resumable"), id + ".*"));
    }

    [Fact]
    public async Task One_person_may_have_only_so_many_unfinished_uploads()
    {
        var (person, _) = await Staff.NewAsync(api.Factory, [Role.Translator]);
        var started = new List<Uri>();
        for (var i = 0; i < 10; i++)
        {
            using var created = await SendAsync(person, HttpMethod.Post, "/api/v1/uploads", ("Upload-Length", "1000"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            started.Add(created.Headers.Location!);
        }

        using (var refused = await SendAsync(person, HttpMethod.Post, "/api/v1/uploads", ("Upload-Length", "1000")))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "too-many-requests");
        }

        // Someone else is not held back, and abandoning one makes room.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(api.Client, HttpMethod.Post, "/api/v1/uploads", ("Upload-Length", "1000"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(person, HttpMethod.Delete, started[0].OriginalString)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(person, HttpMethod.Post, "/api/v1/uploads", ("Upload-Length", "1000"))).StatusCode);
    }

    [Fact]
    public async Task Generated_and_malformed_protocol_requests_get_clear_answers_never_a_server_error()
    {
        var (person, _) = await Staff.NewAsync(api.Factory, [Role.Editor]);
        var random = new Random(2026);
        string[] versions = ["1.0.0", "1.0.0", "1.0.0", "0.2.2", "", "1.0.0 ", "x"];
        string[] numbers = ["0", "1", "64", "1000", "-1", "1e3", "99999999999999999999", "12a", " 5", "", "9223372036854775807"];
        string[] metadata = ["", "filename " + Convert.ToBase64String(Encoding.UTF8.GetBytes("a.pdf")), "filename ###", "filetype aW1hZ2UvcG5n", ",,", "a b c", "filename", "k\u0000 dg=="];
        string[] types = ["application/offset+octet-stream", "application/offset+octet-stream", "application/octet-stream", "text/plain"];
        var uploads = new List<string> { "/api/v1/uploads/" + Guid.NewGuid().ToString("N"), "/api/v1/uploads/zzz", "/api/v1/uploads/%2e%2e" };
        for (var i = 0; i < 200; i++)
        {
            var method = random.Next(4);
            HttpResponseMessage response;
            if (method == 0 || uploads.Count < 4)
            {
                response = await SendAsync(person, HttpMethod.Post, "/api/v1/uploads",
                    ("Tus-Resumable", versions[random.Next(versions.Length)]), ("Upload-Length", numbers[random.Next(numbers.Length)]), ("Upload-Metadata", metadata[random.Next(metadata.Length)]));
                if (response.Headers.Location is { } location)
                {
                    uploads.Add(location.OriginalString);
                }
            }
            else
            {
                var target = uploads[random.Next(uploads.Count)];
                using var request = new HttpRequestMessage(method switch { 1 => HttpMethod.Patch, 2 => HttpMethod.Head, _ => HttpMethod.Delete }, target);
                request.Headers.TryAddWithoutValidation("Tus-Resumable", versions[random.Next(versions.Length)]);
                request.Headers.TryAddWithoutValidation("Upload-Offset", numbers[random.Next(numbers.Length)]);
                if (request.Method == HttpMethod.Patch)
                {
                    var bytes = new byte[random.Next(0, 3000)];
                    random.NextBytes(bytes);
                    if (random.Next(2) == 0)
                    {
                        "%PDF-1.4\n"u8.CopyTo(bytes.AsSpan(0, Math.Min(bytes.Length, 9)));
                    }

                    request.Content = new ByteArrayContent(bytes);
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", types[random.Next(types.Length)]);
                }

                response = await person.SendAsync(request);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                Assert.True(status is 200 or 201 or 204 or 400 or 404 or 409 or 412 or 413 or 415 or 429, $"{i}: {status} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Tus-Resumable", "1.0.0");
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private async Task<Uri> CreateAsync(long length, string fileName, string? fileType)
    {
        var metadata = "filename " + Base64(fileName) + (fileType is null ? string.Empty : ",filetype " + Base64(fileType));
        using var response = await CreateRawAsync(("Upload-Length", length.ToString(CultureInfo.InvariantCulture)), ("Upload-Metadata", metadata));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Resumable").Single());
        Assert.True(response.Headers.Contains("Upload-Expires"));
        return response.Headers.Location!;
    }

    private async Task<HttpResponseMessage> CreateRawAsync(params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await api.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> HeadAsync(Uri upload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, upload);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return await api.Client.SendAsync(request);
    }

    private async Task<long> OffsetAsync(Uri upload)
    {
        using var response = await HeadAsync(upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
    }

    // After a break the server may still hold the upload for a moment: ask until two answers agree.
    private async Task<long> SettledOffsetAsync(Uri upload)
    {
        var last = -1L;
        for (var i = 0; i < 200; i++)
        {
            var offset = await OffsetAsync(upload);
            if (offset == last)
            {
                return offset;
            }

            last = offset;
            await Task.Delay(50);
        }

        return last;
    }

    private async Task<HttpResponseMessage> PatchAsync(Uri upload, long offset, byte[] piece)
    {
        // A piece sent while the server still finishes the broken one is refused as busy: wait and send again.
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, upload) { Content = Piece(new MemoryStream(piece)) };
            request.Headers.Add("Tus-Resumable", "1.0.0");
            request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
            var response = await api.Client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 50 || (await response.Content.ReadAsStringAsync()).Contains("uploadOffset", StringComparison.Ordinal))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    private static StreamContent Piece(Stream bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/offset+octet-stream") } };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

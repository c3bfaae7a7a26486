using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ContentHub.Api.Features.Media;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Media;

/// <summary>A disk store of its own, request bodies limited to 64 KB, images to 200 KB.</summary>
public class MediaFixture : ApiFixture
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "contenthub-media-" + Guid.NewGuid().ToString("N")[..8]);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:DiskPath"] = Folder,
        ["Media:MaxImageBytes"] = "200000",
        ["Api:MaxRequestBodyBytes"] = "65536",
    };

    /// <summary>Files in the store, and files being received.</summary>
    public virtual Task<(int Stored, int Incoming)> CountAsync() => Task.FromResult((Files("files"), Files("incoming")));

    protected int Files(string under) => Directory.Exists(Path.Combine(Folder, under)) ? Directory.GetFiles(Path.Combine(Folder, under), "*", SearchOption.AllDirectories).Length : 0;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>The same, with files in an S3-compatible store (s3rver) instead of on the disk.</summary>
public sealed class S3MediaFixture : MediaFixture
{
    private S3Server? _server;

    private S3Server Server => _server ?? throw new InvalidOperationException("The S3 server is not started.");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Media:Store"] = "S3",
        ["Media:S3:ServiceUrl"] = Server.Url.ToString(),
        ["Media:S3:Bucket"] = Server.Bucket,
        ["Media:S3:AccessKey"] = S3Server.AccessKey,
        ["Media:S3:SecretKey"] = S3Server.SecretKey,
    };

    public override async Task InitializeAsync()
    {
        _server = await S3Server.StartAsync("contenthub-media");
        await base.InitializeAsync();
    }

    public override async Task<(int Stored, int Incoming)> CountAsync()
    {
        using var client = new Amazon.S3.AmazonS3Client(
            new Amazon.Runtime.BasicAWSCredentials(S3Server.AccessKey, S3Server.SecretKey),
            new Amazon.S3.AmazonS3Config { ServiceURL = Server.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var listed = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Server.Bucket, Prefix = "files/" });
        return (listed.S3Objects?.Count ?? 0, Files("incoming"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Uploads decided by their bytes, streamed, stored once, served with ranges and validators.</summary>
public sealed class DiskMediaUploadTests(MediaFixture api) : MediaUploadTests<MediaFixture>(api);

public sealed class S3MediaUploadTests(S3MediaFixture api) : MediaUploadTests<S3MediaFixture>(api);

public abstract class MediaUploadTests<TFixture>(TFixture api) : IClassFixture<TFixture>
    where TFixture : MediaFixture
{
    // A 1×1 PNG, as an image editor writes it.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_upload_is_typed_by_its_bytes_stored_once_and_read_back_whole()
    {
        var bytes = Unique(Png);
        using var created = await UploadRawAsync(bytes, "image/png", "Ảnh cửa khẩu.png");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var file = (await created.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal(("image/png", bytes.Length, "Ảnh cửa khẩu.png"), (file.ContentType, file.Size, file.FileName));
        Assert.Equal($"/api/v1/media/{file.Id}", created.Headers.Location!.OriginalString);

        // The same bytes again, as multipart under another name: the file already stored.
        var stored = (await api.CountAsync()).Stored;
        Assert.True(stored > 0, "The file is in the store.");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "again.png" } };
        using var again = await api.Client.PostAsync("/api/v1/media", form);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(file.Id, (await again.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!.Id);
        Assert.Equal(stored, (await api.CountAsync()).Stored);

        using var download = await api.Client.GetAsync(file.ContentUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("Ảnh cửa khẩu.png", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal($"\"{file.Sha256}\"", download.Headers.ETag!.Tag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, file.ContentUrl);
        conditional.Headers.IfNoneMatch.Add(download.Headers.ETag);
        using var notModified = await api.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("png-as-jpeg")]
    [InlineData("svg")]
    [InlineData("svg-undeclared")]
    [InlineData("html")]
    public async Task What_the_bytes_do_not_show_as_allowed_or_as_declared_is_refused_with_415(string shape)
    {
        var (bytes, declared) = shape switch
        {
            "png-as-jpeg" => (Unique(Png), "image/jpeg"),
            "svg" => (Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "image/svg+xml"),
            "svg-undeclared" => (Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "application/octet-stream"),
            _ => (Encoding.UTF8.GetBytes("<html><body>hello</body></html>"), "image/png"),
        };
        var before = await api.CountAsync();
        using var response = await UploadRawAsync(bytes, declared, "x");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(before, await api.CountAsync());
    }

    [Fact]
    public async Task A_file_over_its_types_limit_is_refused_with_413_and_leaves_nothing()
    {
        var before = await api.CountAsync();
        var large = Pad(Unique(Png), 250_000);
        using var response = await UploadRawAsync(large, "image/png", "large.png", chunked: true);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(before, await api.CountAsync());
    }

    [Fact]
    public async Task A_file_larger_than_the_request_body_limit_is_streamed_to_storage()
    {
        // At least 600 KB of PDF against a request limit of 64 KB: never held whole, with or without a Content-Length.
        foreach (var chunked in new[] { false, true })
        {
            var pdf = TestPdf.Make("Investment report " + Guid.NewGuid(), 600_000);
            using var response = await UploadRawAsync(pdf, "application/pdf", "bao-cao.pdf", chunked);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var file = (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
            Assert.Equal((pdf.Length, Convert.ToHexStringLower(SHA256.HashData(pdf))), (file.Size, file.Sha256));
        }

        // Other routes keep the limit.
        using var other = await api.Client.PostAsync("/api/v1/categories", new ByteArrayContent(new byte[70_000]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task The_text_of_a_pdf_is_kept_for_search_and_an_unreadable_pdf_is_refused()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var created = await UploadRawAsync(TestPdf.Make("Bac Giang investment guide " + marker), "application/pdf", "guide.pdf");
        var file = (await created.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        Assert.Contains("Bac Giang investment guide " + marker, await api.Client.GetStringAsync(file.TextUrl), StringComparison.Ordinal);

        var before = await api.CountAsync();
        using var broken = await UploadRawAsync(Encoding.ASCII.GetBytes("%PDF-1.4\n% " + marker + "\nno objects, no trailer"), "application/pdf", "broken.pdf");
        await ProblemAssert.IsProblemAsync(broken, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(before, await api.CountAsync());
    }

    [Fact]
    public async Task Downloads_answer_ranges()
    {
        var pdf = TestPdf.Make("Brochure " + Guid.NewGuid(), 5_000);
        using var created = await UploadRawAsync(pdf, "application/pdf", "tờ-rơi.pdf");
        var file = (await created.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;

        using var part = new HttpRequestMessage(HttpMethod.Get, file.ContentUrl) { Headers = { Range = new RangeHeaderValue(10, 19) } };
        using var partial = await api.Client.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(pdf[10..20], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 10-19/{pdf.Length}", partial.Content.Headers.ContentRange!.ToString());

        using var beyond = new HttpRequestMessage(HttpMethod.Get, file.ContentUrl) { Headers = { Range = new RangeHeaderValue(pdf.Length + 10, null) } };
        using var unsatisfiable = await api.Client.SendAsync(beyond);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);

        using var unknown = await api.Client.GetAsync($"/api/v1/media/{Guid.NewGuid()}/content");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task SubRip_subtitles_are_stored_as_webvtt()
    {
        var srt = Encoding.UTF8.GetBytes($"1\r\n00:00:01,000 --> 00:00:02,500\r\nChào mừng đến Bắc Giang {Guid.NewGuid():N}\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nWelcome\r\n");
        using var created = await UploadRawAsync(srt, "application/x-subrip", "phu-de.srt");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var file = (await created.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        Assert.Equal(("text/vtt", "phu-de.vtt"), (file.ContentType, file.FileName));
        var vtt = await api.Client.GetStringAsync(file.ContentUrl);
        Assert.StartsWith("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nChào mừng", vtt, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(vtt))), file.Sha256);
    }

    [Fact]
    public async Task An_upload_that_breaks_off_leaves_no_file_and_no_record()
    {
        var before = await api.CountAsync();
        using var content = new StreamContent(new BreakingStream(Pad(Encoding.ASCII.GetBytes("%PDF-1.4\n"), 300_000), breakAfter: 100_000));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await Assert.ThrowsAnyAsync<Exception>(() => api.Client.PostAsync("/api/v1/media?fileName=broken.pdf", content));

        // The server may still be noticing; what it leaves must be nothing.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await api.CountAsync() != before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(before, await api.CountAsync());
        await using var db = api.CreateDbContext();
        Assert.DoesNotContain(db.MediaFiles, f => f.FileName == "broken.pdf");
    }

    private Task<HttpResponseMessage> UploadRawAsync(byte[] bytes, string declared, string fileName, bool chunked = false) =>
        MediaHttp.UploadAsync(api.Client, bytes, declared, fileName, chunked);

    // A PNG is still a PNG with bytes after its end; unique bytes keep tests from sharing a stored file.
    private static byte[] Unique(byte[] file) => [.. file, .. Guid.NewGuid().ToByteArray()];

    private static byte[] Pad(byte[] head, int length) => [.. head, .. Enumerable.Repeat((byte)' ', length - head.Length)];
}

/// <summary>Subtitles are checked as players read them; the first error is named by its line.</summary>
public sealed class DiskSubtitleUploadTests(MediaFixture api) : SubtitleUploadTests<MediaFixture>(api);

public sealed class S3SubtitleUploadTests(S3MediaFixture api) : SubtitleUploadTests<S3MediaFixture>(api);

public abstract class SubtitleUploadTests<TFixture>(TFixture api) : IClassFixture<TFixture>
    where TFixture : MediaFixture
{
    [Fact]
    public async Task Well_formed_webvtt_is_stored_as_uploaded()
    {
        var vtt = $"WEBVTT - phụ đề tiếng Việt\n\nNOTE {Guid.NewGuid():N}\n\n1\n00:01.000 --> 00:04.000 line:90%\nChào mừng đến <b>Bắc Giang</b>\n\n01:00:05.000 --> 01:00:07.250\nHai dòng\ncủa một cue\n";
        using var response = await UploadAsync(vtt, "text/vtt");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        Assert.Equal(vtt, await api.Client.GetStringAsync(file.ContentUrl));
    }

    [Theory]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:04.000\nA\n\n00:05.000 -> 00:06.000\nB\n", "Line 6")]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:00.500\nEnds before it starts\n", "Line 3")]
    [InlineData("WEBVTT\n\n00:61.000 --> 00:62.000\nSixty-one seconds\n", "Line 3")]
    [InlineData("WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA, out of order\n", "Line 6")]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\nText\n00:03.000 --> 00:04.000\nno blank line between\n", "Line 5")]
    [InlineData("WEBVTT\n\ncue-id\nno timing here\n", "Line 3")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nMột\n\n2\n00:00:03,000 --> 00:00:01,000\nHai\n", "SRT line 6")]
    public async Task A_malformed_cue_is_refused_with_its_line(string subtitles, string line)
    {
        using var response = await UploadAsync(subtitles + "\nNOTE " + Guid.NewGuid().ToString("N") + "\n", subtitles.StartsWith("WEBVTT", StringComparison.Ordinal) ? "text/vtt" : "application/x-subrip");
        var problem = await ProblemAssert.IsValidationProblemAsync(response, "file");
        Assert.StartsWith(line + ":", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> UploadAsync(string text, string declared) => MediaHttp.UploadAsync(api.Client, Encoding.UTF8.GetBytes(text), declared, "subtitles");
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Api.Features.Media;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Media;

/// <summary>Videos are probed with ffprobe at upload; a file that only starts like a video is refused.</summary>
public sealed class DiskVideoUploadTests(MediaFixture api) : VideoUploadTests<MediaFixture>(api);

public sealed class S3VideoUploadTests(S3MediaFixture api) : VideoUploadTests<S3MediaFixture>(api);

public abstract class VideoUploadTests<TFixture>(TFixture api) : IClassFixture<TFixture>
    where TFixture : MediaFixture
{
    [Fact]
    public async Task A_video_is_stored_with_its_duration_codecs_and_size()
    {
        var mp4 = await TestMedia.VideoAsync("mp4", ["-c:v", "mpeg4", "-c:a", "aac"]);
        using var response = await UploadAsync(mp4, "video/mp4", "gioi-thieu.mp4");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        Assert.Equal(("video/mp4", 320, 240, "mpeg4", "aac"), (file.ContentType, file.Width, file.Height, file.VideoCodec, file.AudioCodec));
        Assert.InRange(file.DurationSeconds!.Value, 1.9, 2.2);
        Assert.Null(file.Renditions);

        // Its poster: a frame of the video, as JPEG, made once.
        using var poster = await api.Client.GetAsync(file.PosterUrl);
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal("image/jpeg", poster.Content.Headers.ContentType!.MediaType);
        var frame = await poster.Content.ReadAsByteArrayAsync();
        using (var decoded = SkiaSharp.SKBitmap.Decode(frame))
        {
            Assert.Equal((320, 240), (decoded.Width, decoded.Height));
        }

        Assert.Equal(frame, await api.Client.GetByteArrayAsync(file.PosterUrl));

        var webm = await TestMedia.VideoAsync("webm", ["-c:v", "libvpx", "-an"]);
        using var silent = await UploadAsync(webm, "video/webm", "im-lang.webm");
        var quiet = (await silent.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        Assert.Equal(("video/webm", "vp8", (string?)null), (quiet.ContentType, quiet.VideoCodec, quiet.AudioCodec));
    }

    [Fact]
    public async Task A_file_that_only_starts_like_a_video_is_refused()
    {
        var before = await api.CountAsync();
        byte[] fake = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', .. Guid.NewGuid().ToByteArray(), .. new byte[4096]];
        using var response = await UploadAsync(fake, "video/mp4", "fake.mp4");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(before, await api.CountAsync());
    }

    [Fact]
    public async Task Only_videos_have_posters()
    {
        using var pdf = new ByteArrayContent(TestPdf.Make("Not a video " + Guid.NewGuid())) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
        using var created = await api.Client.PostAsync("/api/v1/media?fileName=a.pdf", pdf);
        var file = (await created.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        Assert.Null(file.PosterUrl);
        using var response = await api.Client.GetAsync($"/api/v1/media/{file.Id}/poster");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private Task<HttpResponseMessage> UploadAsync(byte[] bytes, string declared, string name) => MediaHttp.UploadAsync(api.Client, bytes, declared, name);
}

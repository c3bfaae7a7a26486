using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Media;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Media;

/// <summary>Alternative text and caption per language, as editors and translators write them.</summary>
public sealed class MediaCaptionTests(MediaFixture api) : IClassFixture<MediaFixture>
{
    [Fact]
    public async Task Each_language_has_its_own_alternative_text_and_caption()
    {
        var file = await UploadAsync();
        using (var vi = await api.Client.PutAsJsonAsync($"/api/v1/media/{file.Id}/captions/vi", new CaptionRequest("Cửa khẩu Hữu Nghị lúc bình minh", "Ảnh: Sở Ngoại vụ"), TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, vi.StatusCode);
        }

        // A translator adds Chinese, named by a common alias.
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator]);
        using (var zh = await translator.PutAsJsonAsync($"/api/v1/media/{file.Id}/captions/zh-CN", new CaptionRequest("友谊关口岸的黎明"), TestJson.Options))
        {
            var answered = (await zh.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
            Assert.Equal(["vi", "zh-Hans"], answered.Captions.Keys.Order(StringComparer.Ordinal));
        }

        var read = (await api.Client.GetFromJsonAsync<MediaResponse>($"/api/v1/media/{file.Id}", TestJson.Options))!;
        Assert.Equal(("Cửa khẩu Hữu Nghị lúc bình minh", "Ảnh: Sở Ngoại vụ"), (read.Captions["vi"].AltText, read.Captions["vi"].Caption));
        Assert.Null(read.Captions["zh-Hans"].Caption);

        using (var replaced = await api.Client.PutAsJsonAsync($"/api/v1/media/{file.Id}/captions/vi", new CaptionRequest("Cửa khẩu Hữu Nghị"), TestJson.Options))
        {
            Assert.Equal("Cửa khẩu Hữu Nghị", (await replaced.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!.Captions["vi"].AltText);
        }

        using var removed = await api.Client.DeleteAsync($"/api/v1/media/{file.Id}/captions/zh");
        Assert.Equal(["vi"], (await removed.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!.Captions.Keys);
        using var again = await api.Client.DeleteAsync($"/api/v1/media/{file.Id}/captions/zh");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("klingon", "Alt", "language")]
    [InlineData("en", "", "altText")]
    [InlineData("en", "   ", "altText")]
    public async Task Bad_captions_are_refused_naming_the_field(string language, string altText, string field)
    {
        var file = await UploadAsync();
        using var response = await api.Client.PutAsJsonAsync($"/api/v1/media/{file.Id}/captions/{language}", new CaptionRequest(altText), TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Too_long_texts_and_unknown_files_are_refused()
    {
        var file = await UploadAsync();
        using var tooLong = await api.Client.PutAsJsonAsync($"/api/v1/media/{file.Id}/captions/en", new CaptionRequest(new string('a', 501), new string('b', 2001)), TestJson.Options);
        var problem = await ProblemAssert.IsValidationProblemAsync(tooLong, "altText");
        Assert.True(problem.GetProperty("errors").TryGetProperty("caption", out _));

        using var unknown = await api.Client.PutAsJsonAsync($"/api/v1/media/{Guid.NewGuid()}/captions/en", new CaptionRequest("Alt"), TestJson.Options);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    private async Task<MediaResponse> UploadAsync()
    {
        byte[] png = [.. Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), .. Guid.NewGuid().ToByteArray()];
        using var response = await MediaHttp.UploadAsync(api.Client, png, "image/png", "cua-khau.png");
        return (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Tests.Media;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Search;

/// <summary>Items are found by the words of their files: a video by its subtitles in the language searched, a brochure by its PDF's text, an image by its caption.</summary>
public sealed class SearchFileTextTests(MediaFixture api) : IClassFixture<MediaFixture>
{
    [Fact]
    public async Task Subtitles_pdf_text_and_captions_are_searched_in_their_language()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var marker = "wombat" + Guid.NewGuid().ToString("N")[..6];
        var subtitles = await UploadAsync(Encoding.UTF8.GetBytes($"WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n<v Guide>The {marker}subtitle festival</v>\n"), "text/vtt", "en.vtt");
        var video = await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with
        {
            Kind = ContentKind.Video, Video = new VideoFields(30, "https://v.example/a.mp4", Subtitles: [new LanguageFile(subtitles.Id, "en")]),
        });
        await api.Given.VariantAsync(video.Id, "en", "A film about the province");

        var pdf = await UploadAsync(TestPdf.Make($"Investment guide {marker}pdf"), "application/pdf", "guide.pdf");
        var picture = await UploadAsync(TestMedia.Png(40, 30), "image/png", "banner.png");
        using (var captioned = await api.Client.PutAsJsonAsync($"/api/v1/media/{picture.Id}/captions/vi", new CaptionRequest("Biểu ngữ", $"Chú thích {marker}caption"), TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, captioned.StatusCode);
        }

        var brochure = await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with
        {
            Kind = ContentKind.PromoAsset, Promo = new PromoFields(PromoAssetType.Brochure, Files: [new LanguageFile(pdf.Id)]),
        });
        var banner = await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with
        {
            Kind = ContentKind.PromoAsset, Promo = new PromoFields(PromoAssetType.Banner, Files: [new LanguageFile(picture.Id, "vi")]),
        });
        foreach (var id in new[] { video.Id, brochure.Id, banner.Id })
        {
            await Steps.PublishAsync(api.Client, reviewer, id);
        }

        var slug = Given.Unique("files");
        await api.Given.PortalAsync(new PortalRequest("Cổng", slug, "https://files.example", [new PortalLanguageRequest("en"), new PortalLanguageRequest("vi")], IsPublic: true));

        Assert.Equal([video.Id], await SearchHttp.PortalIdsAsync(api.Anonymous, slug, "en", marker + "subtitle"));
        Assert.Empty(await SearchHttp.PortalIdsAsync(api.Anonymous, slug, "vi", marker + "subtitle"));
        Assert.Equal([brochure.Id], await SearchHttp.PortalIdsAsync(api.Anonymous, slug, "vi", marker + "pdf"));
        Assert.Equal([banner.Id], await SearchHttp.PortalIdsAsync(api.Anonymous, slug, "vi", marker + "caption"));
        Assert.Contains(marker + "subtitle festival", await api.Client.GetStringAsync($"/api/v1/media/{subtitles.Id}/text"), StringComparison.Ordinal);
    }

    private async Task<MediaResponse> UploadAsync(byte[] bytes, string type, string name)
    {
        using var response = await MediaHttp.UploadAsync(api.Client, bytes, type, name);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
    }
}

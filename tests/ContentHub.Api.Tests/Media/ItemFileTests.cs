using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Media;

/// <summary>
/// Files attached to items: a video's own file, poster and subtitles, a promotional asset's file per
/// language; what portals then get (sync, feeds, downloads) and may not get; deleting what is in use.
/// </summary>
public sealed class DiskItemFileTests(MediaFixture api) : ItemFileTests<MediaFixture>(api);

public sealed class S3ItemFileTests(S3MediaFixture api) : ItemFileTests<S3MediaFixture>(api);

public abstract class ItemFileTests<TFixture>(TFixture api) : IClassFixture<TFixture>
    where TFixture : MediaFixture
{
    [Fact]
    public async Task A_video_item_takes_its_uploaded_video_poster_and_subtitles_and_its_length_from_the_file()
    {
        var video = await UploadAsync(await TestMedia.Mp4Async(), "video/mp4", "phim.mp4");
        var poster = await UploadAsync(TestMedia.Png(64, 48), "image/png", "poster.png");
        var subtitles = await UploadAsync(Vtt("Welcome to Bac Giang"), "text/vtt", "en.vtt");
        var request = await VideoRequestAsync(new VideoFields(VideoFileId: video.Id, PosterFileId: poster.Id, Subtitles: [new LanguageFile(subtitles.Id, "en")]));

        var item = await api.Given.ItemAsync(request);

        Assert.Equal(new VideoFields(2, null, null, video.Id, poster.Id, null), item.Video! with { Subtitles = null });
        Assert.Equal([new LanguageFile(subtitles.Id, "en")], item.Video!.Subtitles!);

        // Each file must be of the kind its role takes, and exist.
        await RefusedAsync(request with { Video = new VideoFields(VideoFileId: poster.Id) }, "video.videoFileId");
        await RefusedAsync(request with { Video = new VideoFields(VideoFileId: video.Id, PosterFileId: video.Id) }, "video.posterFileId");
        await RefusedAsync(request with { Video = new VideoFields(VideoFileId: video.Id, Subtitles: [new LanguageFile(poster.Id, "en")]) }, "video.subtitles[en]");
        await RefusedAsync(request with { Video = new VideoFields(VideoFileId: Guid.NewGuid()) }, "video.videoFileId");
        await RefusedAsync(request with { Video = new VideoFields(120, "https://v.example/a.mp4", VideoFileId: video.Id) }, "video.videoUrl");
        await RefusedAsync(request with { Video = new VideoFields(VideoFileId: video.Id, Subtitles: [new LanguageFile(subtitles.Id, "en"), new LanguageFile(subtitles.Id, "en-GB")]) }, "video.subtitles[1].language");
        await RefusedAsync(request with { Video = new VideoFields(VideoFileId: video.Id, Subtitles: [new LanguageFile(subtitles.Id)]) }, "video.subtitles[0].language");
        await RefusedAsync(request with { Video = new VideoFields(VideoUrl: "https://v.example/a.mp4") }, "video.durationSeconds");
    }

    [Fact]
    public async Task A_file_in_use_is_not_deleted_and_goes_with_its_bytes_once_no_item_uses_it()
    {
        var common = await UploadAsync(TestMedia.Png(40, 30), "image/png", "banner.png");
        var korean = await UploadAsync(TestPdf.Make("Brochure in Korean " + Guid.NewGuid()), "application/pdf", "brochure-ko.pdf");
        var item = await api.Given.ItemAsync(await PromoRequestAsync([new LanguageFile(common.Id), new LanguageFile(korean.Id, "ko")]));
        Assert.Equal([new LanguageFile(common.Id), new LanguageFile(korean.Id, "ko")], item.Promo!.Files!);
        var stored = (await api.CountAsync()).Stored;

        using var refused = await api.Client.DeleteAsync($"/api/v1/media/{korean.Id}");
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "in-use");
        Assert.Equal([item.Id.ToString()], problem.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains(item.Id.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Detached (the item's fields replaced without it), it can go, and its bytes with it.
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}")
        {
            Content = JsonContent.Create(new UpdateItemRequest(item.OrgUnitId, item.CategoryId, Promo: item.Promo with { Files = [new LanguageFile(common.Id)] }), options: TestJson.Options),
        };
        update.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(item.ETag));
        using var updated = await api.Client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        using var deleted = await api.Client.DeleteAsync($"/api/v1/media/{korean.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/v1/media/{korean.Id}")).StatusCode);
        Assert.Equal(stored - 1, (await api.CountAsync()).Stored);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.DeleteAsync($"/api/v1/media/{korean.Id}")).StatusCode);

        // A translator may not delete files at all.
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], languages: ["en"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await translator.DeleteAsync($"/api/v1/media/{common.Id}")).StatusCode);
    }

    [Fact]
    public async Task Portals_get_the_files_of_what_they_carry_in_their_languages_and_nothing_else()
    {
        var banner = await UploadAsync(TestMedia.Png(700, 350), "image/png", "banner.png");
        var brochure = TestPdf.Make("Brochure in Korean " + Guid.NewGuid());
        var korean = await UploadAsync(brochure, "application/pdf", "브로슈어.pdf");
        var unattached = await UploadAsync(TestMedia.Png(20, 20), "image/png", "loose.png");
        await CaptionAsync(banner.Id, "ko", "배너", "박장성");
        (await api.Client.PutAsJsonAsync($"/api/v1/media/{banner.Id}/focal-point", new FocalPointRequest(0.9, 0.5), TestJson.Options)).EnsureSuccessStatusCode();
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var item = await api.Given.ItemAsync(await PromoRequestAsync([new LanguageFile(banner.Id), new LanguageFile(korean.Id, "ko")], credit: "Sở Văn hóa"));
        await api.Given.VariantAsync(item.Id, "ko", "박장성 투자 안내");
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
        var draftFile = await UploadAsync(TestMedia.Png(30, 30), "image/png", "draft.png");
        await api.Given.ItemAsync(await PromoRequestAsync([new LanguageFile(draftFile.Id)]));

        var both = Given.Unique("cong");
        var vietnameseOnly = Given.Unique("man-hinh");
        await api.Given.PortalAsync(new PortalRequest("Cổng", both, "https://doingoai.example", [new PortalLanguageRequest("vi"), new PortalLanguageRequest("ko")], IsPublic: true));
        await api.Given.PortalAsync(new PortalRequest("Màn hình", vietnameseOnly, "https://screen.example", [new PortalLanguageRequest("vi")], IsPublic: true));

        // Sync: the Korean entry carries the Korean brochure, with the banner's Korean caption; the Vietnamese one the banner alone.
        var sync = await api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/sync?portal={both}&kinds=PromoAsset", TestJson.Options);
        var entries = sync.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("itemId").GetGuid() == item.Id)
            .ToDictionary(c => c.GetProperty("language").GetString()!, c => c.GetProperty("entry"));
        Assert.Equal("Sở Văn hóa", entries["ko"].GetProperty("credit").GetString());
        var koreanFiles = entries["ko"].GetProperty("files").Deserialize<List<PortalFile>>(TestJson.Options)!;
        var brochureFile = Assert.Single(koreanFiles);
        Assert.Equal((korean.Id, "Asset", "application/pdf"), (brochureFile.Id, brochureFile.Role, brochureFile.ContentType));
        Assert.Equal($"http://localhost/files/{both}/{korean.Id}", brochureFile.Url);
        var bannerFile = Assert.Single(entries["vi"].GetProperty("files").Deserialize<List<PortalFile>>(TestJson.Options)!);
        Assert.Equal((banner.Id, (string?)null), (bannerFile.Id, bannerFile.AltText));
        Assert.Equal(["320.jpg", "320.webp", "640.jpg", "640.webp"], bannerFile.Renditions!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"{bannerFile.Url}/renditions/320.webp 320w, {bannerFile.Url}/renditions/640.webp 640w", bannerFile.Srcset!["webp"]);
        Assert.Equal(["16x9", "1x1", "4x3"], bannerFile.Crops!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"{bannerFile.Url}/renditions/320-1x1.jpg 320w, {bannerFile.Url}/renditions/640-1x1.jpg 640w", bannerFile.Crops["1x1"]["jpg"]);
        // Cropped around the focal point the banner was approved with, as staff see it.
        Assert.Equal(await api.Client.GetByteArrayAsync($"/api/v1/media/{banner.Id}/renditions/320-1x1.jpg"), await api.Anonymous.GetByteArrayAsync($"{bannerFile.Url}/renditions/320-1x1.jpg"));

        // OData: the same files, expanded on request only, with their own $select; nothing else inside $expand.
        var odata = await api.Anonymous.GetFromJsonAsync<JsonElement>($"/odata/PromoAssets?portal={both}&lang=ko&$filter=Id eq {item.Id}&$expand=Files", TestJson.Options);
        var expanded = Assert.Single(odata.GetProperty("value").EnumerateArray()).GetProperty("Files");
        Assert.Equal((korean.Id, brochureFile.Url, "application/pdf"), (expanded[0].GetProperty("Id").GetGuid(), expanded[0].GetProperty("Url").GetString(), expanded[0].GetProperty("ContentType").GetString()));
        var plain = await api.Anonymous.GetFromJsonAsync<JsonElement>($"/odata/PromoAssets?portal={both}&lang=ko&$filter=Id eq {item.Id}", TestJson.Options);
        Assert.False(plain.GetProperty("value")[0].TryGetProperty("Files", out _));
        var selected = await api.Anonymous.GetFromJsonAsync<JsonElement>($"/odata/PromoAssets({item.Id})?portal={both}&lang=vi&$select=Title&$expand=Files($select=SrcsetWebp,AltText)", TestJson.Options);
        var bannerInOData = Assert.Single(selected.GetProperty("Files").EnumerateArray());
        Assert.Equal(["AltText", "SrcsetWebp"], bannerInOData.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(bannerFile.Srcset["webp"], bannerInOData.GetProperty("SrcsetWebp").GetString());
        foreach (var refused in new[] { $"/odata/PromoAssets?portal={both}&$expand=Files($top=1)", $"/odata/PromoAssets?portal={both}&$expand=Files($filter=Size gt 0)", $"/odata/PromoAssets({item.Id})/Files?portal={both}" })
        {
            using var response = await api.Anonymous.GetAsync(refused);
            Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
            Assert.Equal("NotImplemented", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        }

        // Downloads: the file itself, and an image's rendition, for the portal that carries them.
        using var download = await api.Anonymous.GetAsync(brochureFile.Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(brochure, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("브로슈어.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        using var rendition = await api.Anonymous.GetAsync(bannerFile.Renditions["320.webp"]);
        Assert.Equal(("image/webp", HttpStatusCode.OK), (rendition.Content.Headers.ContentType!.MediaType, rendition.StatusCode));

        // Not for a portal without Korean, nor files no published item carries, nor sizes not served.
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/files/{vietnameseOnly}/{korean.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync($"/files/{vietnameseOnly}/{banner.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/files/{both}/{unattached.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/files/{both}/{draftFile.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"{bannerFile.Url}/renditions/333.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/files/no-such-portal/{banner.Id}")).StatusCode);

        // Feeds enclose the entry's files.
        var atom = System.Xml.Linq.XDocument.Parse(await api.Anonymous.GetStringAsync($"/feeds/{both}/ko/atom.xml"));
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        var enclosure = Assert.Single(atom.Descendants(a + "link"), l => (string?)l.Attribute("rel") == "enclosure");
        Assert.Equal((brochureFile.Url, "application/pdf", brochure.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ((string?)enclosure.Attribute("href"), (string?)enclosure.Attribute("type"), (string?)enclosure.Attribute("length")));
    }

    private async Task<MediaResponse> UploadAsync(byte[] bytes, string type, string name)
    {
        using var response = await MediaHttp.UploadAsync(api.Client, bytes, type, name);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
    }

    private async Task CaptionAsync(Guid fileId, string language, string altText, string caption)
    {
        using var response = await api.Client.PutAsJsonAsync($"/api/v1/media/{fileId}/captions/{language}", new CaptionRequest(altText, caption), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task RefusedAsync(CreateItemRequest request, string field)
    {
        using var response = await api.Client.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    private async Task<CreateItemRequest> VideoRequestAsync(VideoFields video) =>
        (await api.Given.ArticleRequestAsync()) with { Kind = ContentKind.Video, Video = video };

    private async Task<CreateItemRequest> PromoRequestAsync(IReadOnlyList<LanguageFile> files, string? credit = null) =>
        (await api.Given.ArticleRequestAsync()) with { Kind = ContentKind.PromoAsset, Promo = new PromoFields(PromoAssetType.Brochure, Credit: credit, Files: files) };

    private static byte[] Vtt(string text) => Encoding.UTF8.GetBytes($"WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n{text} {Guid.NewGuid():N}\n");
}

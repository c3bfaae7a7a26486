using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Revisions;
using ContentHub.Api.Http;
using ContentHub.Api.Tests.Search;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Items;

/// <summary>
/// A video has a transcript per language: written with the language's text, kept in its revisions,
/// refused on other kinds, and served to portals (OData, sync) and found by their search.
/// </summary>
public sealed class VideoTranscriptTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_videos_transcript_is_text_of_its_language_that_portals_read_and_search_finds()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var marker = "wombat" + Guid.NewGuid().ToString("N")[..6];
        var transcript = $"Người dẫn: Chào mừng đến Lục Ngạn {marker}.\r\n\r\nNăm 2026, vải thiều được mùa.";
        var video = await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with
        {
            Kind = ContentKind.Video, Video = new VideoFields(30, "https://v.example/a.mp4"),
            Variant = new VariantRequest("Phim về mùa vải", "Phóng sự ngắn.", Transcript: transcript),
        });
        var expected = transcript.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(video.Variants).Transcript);

        // A new transcript is a new revision, and the old one comes back with a restore.
        var revisions = (await api.Client.GetFromJsonAsync<PagedResponse<RevisionSummaryResponse>>($"/api/v1/items/{video.Id}/revisions", TestJson.Options))!;
        await PutAsync(video.Id, new VariantRequest("Phim về mùa vải", "Phóng sự ngắn.", Transcript: "Một dòng khác."));
        var first = revisions.Items.Single(r => r.Language == "vi");
        var restore = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{video.Id}/revisions/{first.Id}/restore");
        restore.Headers.TryAddWithoutValidation("If-Match", (await api.Client.GetAsync($"/api/v1/items/{video.Id}/variants/vi")).Headers.ETag?.ToString());
        using (var restored = await api.Client.SendAsync(restore))
        {
            Assert.True(restored.IsSuccessStatusCode, await restored.Content.ReadAsStringAsync());
        }

        Assert.Equal(expected, (await api.Client.GetFromJsonAsync<VariantResponse>($"/api/v1/items/{video.Id}/variants/vi", TestJson.Options))!.Transcript);

        await Steps.PublishAsync(api.Client, reviewer, video.Id);
        var slug = Given.Unique("transcripts");
        var portal = await api.Given.PortalAsync(new PortalRequest("Cổng", slug, "https://transcripts.example", [new PortalLanguageRequest("vi")], IsPublic: true));

        var odata = JsonDocument.Parse(await api.Anonymous.GetStringAsync($"/odata/Videos?portal={slug}&lang=vi&$filter=Id eq {video.Id}&$select=Title,Transcript")).RootElement;
        Assert.Equal(expected, odata.GetProperty("value")[0].GetProperty("Transcript").GetString());
        using (var articles = await api.Anonymous.GetAsync($"/odata/Articles?portal={slug}&lang=vi&$select=Transcript"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, articles.StatusCode);
        }

        using var keyed = api.ClientWithKey((await api.Given.KeyAsync(portal.Id)).Key);
        var sync = JsonDocument.Parse(await keyed.GetStringAsync("/api/v1/sync?pageSize=100")).RootElement;
        var entry = sync.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("itemId").GetGuid() == video.Id).GetProperty("entry");
        Assert.Equal(expected, entry.GetProperty("transcript").GetString());

        Assert.Equal([video.Id], await SearchHttp.PortalIdsAsync(api.Anonymous, slug, "vi", marker));
    }

    [Fact]
    public async Task Only_a_video_has_a_transcript()
    {
        var request = await api.Given.ArticleRequestAsync();
        using (var created = await api.Client.PostAsJsonAsync("/api/v1/items", request with { Variant = request.Variant with { Transcript = "Một bài viết không có lời thoại." } }, TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
            Assert.True(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("variant.transcript", out _));
        }

        var article = await api.Given.ItemAsync(request);
        var etag = (await api.Client.GetAsync($"/api/v1/items/{article.Id}/variants/vi")).Headers.ETag?.ToString();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{article.Id}/variants/vi")
        {
            Content = JsonContent.Create(new VariantRequest("Tiêu đề", Transcript: "Lời thoại."), options: TestJson.Options),
        };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        using var refused = await api.Client.SendAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("transcript", out _));
    }

    private async Task PutAsync(Guid itemId, VariantRequest text)
    {
        var etag = (await api.Client.GetAsync($"/api/v1/items/{itemId}/variants/vi")).Headers.ETag?.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{itemId}/variants/vi") { Content = JsonContent.Create(text, options: TestJson.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await api.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Media;

/// <summary>
/// Images placed in an article's Markdown by their stable address (/assets/{id}): checked when the text
/// is written, carried by the published entry, and given to each portal as its own rendition addresses
/// with srcsets in OData, sync and feeds; a file a text places cannot be deleted.
/// </summary>
public sealed class InlineImageTests(MediaFixture api) : IClassFixture<MediaFixture>
{
    [Fact]
    public async Task Portals_get_the_images_a_text_places_as_their_own_renditions()
    {
        var image = await UploadAsync(TestMedia.Png(700, 350), "image/png", "cua-khau.png");
        var body = $"Cửa khẩu mở cửa.\n\n![Cửa khẩu Hữu Nghị <sáng>](/assets/{image.Id})\n\nHàng hóa thông quan.";
        var item = await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with { Variant = new VariantRequest("Cửa khẩu " + Guid.NewGuid().ToString("N")[..6], body) });
        Assert.Contains($"<img src=\"/assets/{image.Id}\"", item.Variants[0].BodyHtml, StringComparison.Ordinal);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
        var portal = Given.Unique("cong");
        await api.Given.PortalAsync(new PortalRequest("Cổng", portal, "https://doingoai.example", [new PortalLanguageRequest("vi")], IsPublic: true));
        var root = $"http://localhost/files/{portal}/{image.Id}";

        // OData: the body's image is a picture of this portal's renditions, WebP first, no wider than the image.
        var odata = await api.Anonymous.GetFromJsonAsync<JsonElement>($"/odata/Articles({item.Id})?portal={portal}&$select=Body", TestJson.Options);
        var html = odata.GetProperty("Body").GetString()!;
        Assert.Contains($"<source type=\"image/webp\" srcset=\"{root}/renditions/320.webp 320w, {root}/renditions/640.webp 640w\"", html, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{root}/renditions/640.jpg\" srcset=\"{root}/renditions/320.jpg 320w, {root}/renditions/640.jpg 640w\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Cửa khẩu Hữu Nghị &lt;sáng&gt;\" width=\"700\" height=\"350\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/assets/", html, StringComparison.Ordinal);
        using (var rendition = await api.Anonymous.GetAsync($"{root}/renditions/640.jpg"))
        {
            Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (rendition.StatusCode, rendition.Content.Headers.ContentType!.MediaType));
        }

        // Sync: the same body, and the image among the entry's files.
        var sync = await api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/sync?portal={portal}", TestJson.Options);
        var entry = sync.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("itemId").GetGuid() == item.Id).GetProperty("entry");
        Assert.Equal(html, entry.GetProperty("body").GetString());
        var placed = Assert.Single(entry.GetProperty("files").Deserialize<List<PortalFile>>(TestJson.Options)!);
        Assert.Equal((image.Id, "Inline", root), (placed.Id, placed.Role, placed.Url));

        // Atom: the same body, and no enclosure for an image that is part of the text.
        var atom = XDocument.Parse(await api.Anonymous.GetStringAsync($"/feeds/{portal}/vi/atom.xml"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        var feedEntry = atom.Root!.Elements(a + "entry").Single(e => e.Element(a + "title")!.Value == item.Variants[0].Title);
        Assert.Equal(html, feedEntry.Element(a + "content")!.Value);
        Assert.DoesNotContain(feedEntry.Elements(a + "link"), l => (string?)l.Attribute("rel") == "enclosure");

        // The file is in use while a text places it.
        using var delete = await api.Client.DeleteAsync($"/api/v1/media/{image.Id}");
        var problem = await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Conflict, "in-use");
        Assert.Equal([item.Id], problem.GetProperty("items").EnumerateArray().Select(i => i.GetGuid()));
    }

    [Fact]
    public async Task A_text_may_place_only_uploaded_images()
    {
        var pdf = await UploadAsync(TestPdf.Make("Brochure " + Guid.NewGuid()), "application/pdf", "b.pdf");
        foreach (var (placed, message) in new[] { (Guid.NewGuid(), "no uploaded file"), (pdf.Id, "application/pdf") })
        {
            var request = (await api.Given.ArticleRequestAsync()) with { Variant = new VariantRequest("Ảnh", $"![x](/assets/{placed})") };
            using var created = await api.Client.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);
            var problem = await ProblemAssert.IsValidationProblemAsync(created, "variant.bodyMarkdown");
            Assert.Contains(message, problem.GetProperty("errors").GetProperty("variant.bodyMarkdown")[0].GetString(), StringComparison.Ordinal);
        }

        var item = await api.Given.ArticleAsync();
        using var variant = await api.Client.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/en", new VariantRequest("Image", $"![x](/assets/{Guid.NewGuid()})"), TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(variant, "bodyMarkdown");
    }

    private async Task<MediaResponse> UploadAsync(byte[] bytes, string declared, string name)
    {
        using var response = await MediaHttp.UploadAsync(api.Client, bytes, declared, name);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
    }
}

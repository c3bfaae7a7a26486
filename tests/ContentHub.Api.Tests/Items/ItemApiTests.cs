using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ContentHub.Api.Features.Items;
using ContentHub.Domain.Content;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Tests.Items;

public sealed class ItemApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Creating_an_item_returns_it_with_location_etag_and_rendered_html()
    {
        var request = await api.Given.ArticleRequestAsync(title: "Bắc Giang thu hút đầu tư " + Guid.NewGuid().ToString("N")[..6], body: "# Tiêu đề\n\n**Đậm** và [liên kết](https://bacgiang.gov.vn).");

        using var response = await Client.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = (await response.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        Assert.Equal($"/api/v1/items/{item.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(item.ETag, response.Headers.ETag?.ToString());
        Assert.Equal(7, item.Id.Version);
        Assert.Equal(EditorialState.Draft, item.State);
        var variant = Assert.Single(item.Variants);
        Assert.Equal("vi", variant.Language);
        Assert.StartsWith("bac-giang-thu-hut-dau-tu-", variant.Slug, StringComparison.Ordinal);
        Assert.Contains("<strong>Đậm</strong>", variant.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", variant.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<h1 id=", variant.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_item_returns_its_variants_and_etag()
    {
        var created = await api.Given.ArticleAsync();
        await api.Given.VariantAsync(created.Id, "en", "An article");

        using var response = await Client.GetAsync($"/api/v1/items/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = (await response.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        Assert.Equal(["vi", "en"], item.Languages);
        Assert.Equal(created.ETag, response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Decomposed_vietnamese_is_stored_composed_and_slugged_as_ascii()
    {
        var decomposed = "Ba\u0306\u0301c Giang đo\u0302\u0301i ngoa\u0323i".Normalize(NormalizationForm.FormD);
        Assert.False(decomposed.IsNormalized(NormalizationForm.FormC));
        var unique = Guid.NewGuid().ToString("N")[..6];

        var item = await api.Given.ItemAsync(await api.Given.ArticleRequestAsync(title: decomposed + " " + unique, body: decomposed));

        var variant = Assert.Single(item.Variants);
        Assert.Equal("Bắc Giang đối ngoại " + unique, variant.Title);
        Assert.True(variant.BodyMarkdown.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("bac-giang-doi-ngoai-" + unique, variant.Slug);
        await using var db = api.CreateDbContext();
        var stored = await db.Variants.SingleAsync(v => v.ItemId == item.Id);
        Assert.Equal("Bắc Giang đối ngoại " + unique, stored.Title);
    }

    [Fact]
    public async Task Language_aliases_are_normalised_and_unknown_languages_refused()
    {
        var request = await api.Given.ArticleRequestAsync(title: "北江 " + Guid.NewGuid().ToString("N")[..6], language: "zh-CN");
        var item = await api.Given.ItemAsync(request);
        Assert.Equal("zh-Hans", item.SourceLanguage);
        Assert.StartsWith("北江-", item.Variants[0].Slug, StringComparison.Ordinal);

        using var refused = await Client.PostAsJsonAsync("/api/v1/items", request with { SourceLanguage = "fr" }, TestJson.Options);
        var problem = await ProblemAssert.IsValidationProblemAsync(refused, "sourceLanguage");
        Assert.Contains("zh-Hans", problem.GetProperty("errors").GetProperty("sourceLanguage")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_fields_are_all_reported_with_their_names()
    {
        var valid = await api.Given.ArticleRequestAsync();
        var request = valid with
        {
            Kind = ContentKind.Video,
            Variant = new VariantRequest(" ", Slug: "Not A Slug"),
            Tags = [new string('x', 61)],
            Promo = new PromoFields(PromoAssetType.Banner),
        };

        using var response = await Client.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "variant.title");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "variant.slug", "tags", "video", "promo" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }

        await using var db = api.CreateDbContext();
        Assert.False(await db.Items.AnyAsync(i => i.CategoryId == valid.CategoryId && i.Kind == ContentKind.Video));
    }

    [Fact]
    public async Task A_video_needs_http_urls_and_keeps_its_fields()
    {
        var request = await api.Given.ArticleRequestAsync();
        var bad = request with { Kind = ContentKind.Video, Video = new VideoFields(120, "javascript:alert(1)", "ftp://x/y.png") };
        using var refused = await Client.PostAsJsonAsync("/api/v1/items", bad, TestJson.Options);
        var problem = await ProblemAssert.IsValidationProblemAsync(refused, "video.videoUrl");
        Assert.True(problem.GetProperty("errors").TryGetProperty("video.posterUrl", out _));

        var video = await api.Given.ItemAsync(request with { Kind = ContentKind.Video, Video = new VideoFields(120, "https://video.example/a.mp4", "https://video.example/a.jpg") });
        Assert.Equal(new VideoFields(120, "https://video.example/a.mp4", "https://video.example/a.jpg"), video.Video);
    }

    [Fact]
    public async Task A_promotional_asset_keeps_its_type_and_rights()
    {
        var request = await api.Given.ArticleRequestAsync();
        var promo = new PromoFields(PromoAssetType.Brochure, "© Sở Văn hóa, Thể thao và Du lịch", new DateOnly(2027, 12, 31));

        var item = await api.Given.ItemAsync(request with { Kind = ContentKind.PromoAsset, Promo = promo });

        Assert.Equal(promo, item.Promo);
        Assert.Null(item.Video);
    }

    [Fact]
    public async Task Unknown_category_or_unit_is_a_validation_error()
    {
        var request = await api.Given.ArticleRequestAsync();
        using var response = await Client.PostAsJsonAsync("/api/v1/items", request with { CategoryId = Guid.NewGuid(), OrgUnitId = Guid.NewGuid() }, TestJson.Options);
        var problem = await ProblemAssert.IsValidationProblemAsync(response, "categoryId");
        Assert.True(problem.GetProperty("errors").TryGetProperty("orgUnitId", out _));
    }

    [Fact]
    public async Task Malformed_json_unknown_fields_and_wrong_enum_values_are_bad_requests()
    {
        foreach (var body in new[] { "{", "{\"kind\":\"Article\",\"titel\":\"x\"}", "{\"kind\":\"Poem\"}", "{\"kind\":2}", "[]", "" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Client.PostAsync("/api/v1/items", content);
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-request");
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported_media_type()
    {
        using var content = new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await Client.PostAsync("/api/v1/items", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_whether_or_not_its_length_is_declared()
    {
        // Well-formed up to the huge body, so that only its size can fail it.
        var huge = "{\"kind\":\"Article\",\"variant\":{\"title\":\"x\",\"bodyMarkdown\":\"" + new string('a', 2 * 1024 * 1024 + 10) + "\"}}";
        using (var declared = new StringContent(huge, Encoding.UTF8, "application/json"))
        using (var response = await Client.PostAsync("/api/v1/items", declared))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        }

        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/items") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var chunkedResponse = await Client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(chunkedResponse, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_400()
    {
        using var unknown = await Client.GetAsync($"/api/v1/items/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");

        using var malformed = await Client.GetAsync("/api/v1/items/not-a-guid");
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "malformed-request");

        using var noRoute = await Client.GetAsync("/api/v1/nothing-here");
        await ProblemAssert.IsProblemAsync(noRoute, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Updating_requires_if_match_and_refuses_a_stale_one()
    {
        var item = await api.Given.ArticleAsync();
        var update = new UpdateItemRequest(item.OrgUnitId, item.CategoryId, ["đầu tư", "FDI"], Sensitive: true);

        using var missing = await Client.PutAsJsonAsync($"/api/v1/items/{item.Id}", update, TestJson.Options);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");

        using var stale = await SendAsync(HttpMethod.Put, $"/api/v1/items/{item.Id}", update, "\"1\"");
        var problem = await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(item.ETag, problem.GetProperty("currentETag").GetString());

        using var updated = await SendAsync(HttpMethod.Put, $"/api/v1/items/{item.Id}", update, item.ETag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = (await updated.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        Assert.True(body.Sensitive);
        Assert.Equal(["đầu tư", "FDI"], body.Tags);
        Assert.NotEqual(item.ETag, body.ETag);
        Assert.Equal(body.ETag, updated.Headers.ETag?.ToString());

        using var reused = await SendAsync(HttpMethod.Put, $"/api/v1/items/{item.Id}", update, item.ETag);
        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task A_weak_etag_never_satisfies_if_match()
    {
        var item = await api.Given.ArticleAsync();
        var update = new UpdateItemRequest(item.OrgUnitId, item.CategoryId);
        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/items/{item.Id}", update, "W/" + item.ETag);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task Deleting_a_draft_removes_it_with_its_variants_and_revisions()
    {
        var item = await api.Given.ArticleAsync();
        await api.Given.VariantAsync(item.Id, "en", "To be deleted");

        using var missing = await Client.DeleteAsync($"/api/v1/items/{item.Id}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");

        using var deleted = await SendAsync(HttpMethod.Delete, $"/api/v1/items/{item.Id}", null, item.ETag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var gone = await Client.GetAsync($"/api/v1/items/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await using var db = api.CreateDbContext();
        Assert.False(await db.Variants.AnyAsync(v => v.ItemId == item.Id));
        Assert.False(await db.Revisions.AnyAsync(r => r.ItemId == item.Id));
    }

    [Fact]
    public async Task Listing_filters_sorts_and_pages()
    {
        var category = await api.Given.CategoryAsync();
        var baseRequest = await api.Given.ArticleRequestAsync();
        var inCategory = new List<ItemResponse>();
        for (var i = 0; i < 3; i++)
        {
            inCategory.Add(await api.Given.ItemAsync(baseRequest with { CategoryId = category.Id, Variant = new VariantRequest(Given.Unique("Danh sách")) }));
        }

        await api.Given.VariantAsync(inCategory[0].Id, "lo", "ຂ່າວ");
        var video = await api.Given.ItemAsync(baseRequest with { CategoryId = category.Id, Kind = ContentKind.Video, Video = new VideoFields(30, "https://v.example/x.mp4") });

        var firstPage = await ListAsync($"categoryId={category.Id}&kind=article&pageSize=2");
        Assert.Equal(3, firstPage.TotalCount);
        Assert.Equal([inCategory[2].Id, inCategory[1].Id], firstPage.Items.Select(i => i.Id));
        var secondPage = await ListAsync($"categoryId={category.Id}&kind=Article&pageSize=2&page=2");
        Assert.Equal([inCategory[0].Id], secondPage.Items.Select(i => i.Id));

        var oldestFirst = await ListAsync($"categoryId={category.Id}&sort=createdAt");
        Assert.Equal([inCategory[0].Id, inCategory[1].Id, inCategory[2].Id, video.Id], oldestFirst.Items.Select(i => i.Id));

        var lao = await ListAsync($"categoryId={category.Id}&language=lo");
        var only = Assert.Single(lao.Items);
        Assert.Equal("ຂ່າວ", only.Title);
        Assert.Equal(["lo", "vi"], only.Languages);

        var byUnit = await ListAsync($"orgUnitId={baseRequest.OrgUnitId}&state=Draft&pageSize=100");
        Assert.Contains(byUnit.Items, i => i.Id == video.Id);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=title", "sort")]
    [InlineData("kind=Poem", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("state=Lost", "state")]
    [InlineData("language=xx", "language")]
    public async Task Listing_refuses_bad_parameters(string query, string field)
    {
        using var response = await Client.GetAsync("/api/v1/items?" + query);
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    private async Task<Http.PagedResponse<ItemSummaryResponse>> ListAsync(string query)
    {
        using var response = await Client.GetAsync("/api/v1/items?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Http.PagedResponse<ItemSummaryResponse>>(TestJson.Options))!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: TestJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Client.SendAsync(request);
    }
}

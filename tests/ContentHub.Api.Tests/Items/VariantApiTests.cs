using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Tests.Items;

public sealed class VariantApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Putting_a_new_language_creates_the_variant()
    {
        var item = await api.Given.ArticleAsync();

        using var response = await Client.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/ko", new VariantRequest("박장성 투자 " + Guid.NewGuid().ToString("N")[..6], "본문", "요약"), TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/items/{item.Id}/variants/ko", response.Headers.Location?.OriginalString);
        var variant = (await response.Content.ReadFromJsonAsync<VariantResponse>(TestJson.Options))!;
        Assert.Equal("ko", variant.Language);
        Assert.StartsWith("박장성-투자-", variant.Slug, StringComparison.Ordinal);
        Assert.Equal(variant.ETag, response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Replacing_a_variant_requires_its_etag_and_keeps_its_slug()
    {
        var item = await api.Given.ArticleAsync();
        var variant = item.Variants[0];
        var replacement = new VariantRequest("Tiêu đề mới", "Nội dung mới");

        using var missing = await Client.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/vi", replacement, TestJson.Options);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");

        using var replaced = await PutAsync(item.Id, "vi", replacement, variant.ETag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var body = (await replaced.Content.ReadFromJsonAsync<VariantResponse>(TestJson.Options))!;
        Assert.Equal("Tiêu đề mới", body.Title);
        Assert.Equal(variant.Slug, body.Slug);
        Assert.Equal("<p>Nội dung mới</p>\n", body.BodyHtml);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_variant_at_once_one_wins_and_nothing_is_lost()
    {
        var item = await api.Given.ArticleAsync();
        var etag = item.Variants[0].ETag;
        var clients = new List<HttpClient>
        {
            await Staff.ClientAsync(api.Factory, "admin", ApiFactory.AdminPassword),
            await Staff.ClientAsync(api.Factory, "admin", ApiFactory.AdminPassword),
        };

        var saves = await Task.WhenAll(clients.Select((client, editor) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}/variants/vi")
            {
                Content = JsonContent.Create(new VariantRequest($"Bản của biên tập viên {editor}", $"Nội dung {editor}"), options: TestJson.Options),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return client.SendAsync(request);
        }));

        var statuses = saves.Select(s => s.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var winner = (await saves.Single(s => s.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<VariantResponse>(TestJson.Options))!;
        await using var db = api.CreateDbContext();
        var stored = await db.Variants.SingleAsync(v => v.ItemId == item.Id);
        Assert.Equal(winner.Title, stored.Title);
        // The loser's revision was rolled back with its write: one creation, one update.
        Assert.Equal(2, await db.Revisions.CountAsync(r => r.ItemId == item.Id && r.Language != null));
        foreach (var save in saves)
        {
            save.Dispose();
        }

        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_slug_taken_by_another_item_of_the_same_kind_and_language_is_a_conflict()
    {
        var first = await api.Given.ArticleAsync();
        var second = await api.Given.ArticleAsync();
        var takenSlug = first.Variants[0].Slug;

        using var conflict = await PutAsync(second.Id, "vi", new VariantRequest("Khác", Slug: takenSlug), second.Variants[0].ETag);
        var problem = await ProblemAssert.IsProblemAsync(conflict, HttpStatusCode.Conflict, "slug-taken");
        Assert.Equal(takenSlug, problem.GetProperty("slug").GetString());

        var request = await api.Given.ArticleRequestAsync(slug: takenSlug);
        using var createConflict = await Client.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);
        await ProblemAssert.IsProblemAsync(createConflict, HttpStatusCode.Conflict, "slug-taken");

        // The same slug in another language is another URL.
        using var otherLanguage = await Client.PutAsJsonAsync($"/api/v1/items/{second.Id}/variants/en", new VariantRequest("Other", Slug: takenSlug), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, otherLanguage.StatusCode);
    }

    [Fact]
    public async Task Titles_that_slug_alike_get_numbered_slugs()
    {
        var title = "Hội chợ " + Guid.NewGuid().ToString("N")[..6];
        var first = await api.Given.ArticleAsync(title);
        var second = await api.Given.ArticleAsync(title + "!");
        var third = await api.Given.ArticleAsync(title + "?");

        Assert.Equal(first.Variants[0].Slug + "-2", second.Variants[0].Slug);
        Assert.Equal(first.Variants[0].Slug + "-3", third.Variants[0].Slug);
    }

    [Fact]
    public async Task Reading_a_variant_accepts_aliases_and_reports_unknown_languages()
    {
        var item = await api.Given.ArticleAsync();
        await api.Given.VariantAsync(item.Id, "zh-Hans", "北江");

        using var alias = await Client.GetAsync($"/api/v1/items/{item.Id}/variants/zh-CN");
        Assert.Equal(HttpStatusCode.OK, alias.StatusCode);
        Assert.NotNull(alias.Headers.ETag);

        using var missing = await Client.GetAsync($"/api/v1/items/{item.Id}/variants/ja");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not-found");

        using var unknown = await Client.GetAsync($"/api/v1/items/{item.Id}/variants/klingon");
        await ProblemAssert.IsValidationProblemAsync(unknown, "language");

        using var putUnknown = await Client.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/zh-TW", new VariantRequest("x"), TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(putUnknown, "language");

        using var noItem = await Client.PutAsJsonAsync($"/api/v1/items/{Guid.NewGuid()}/variants/en", new VariantRequest("x"), TestJson.Options);
        await ProblemAssert.IsProblemAsync(noItem, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Deleting_a_translation_works_but_the_source_variant_stays()
    {
        var item = await api.Given.ArticleAsync();
        var english = await api.Given.VariantAsync(item.Id, "en", "Translation");

        using var source = await SendAsync(HttpMethod.Delete, $"/api/v1/items/{item.Id}/variants/vi", item.Variants[0].ETag);
        await ProblemAssert.IsProblemAsync(source, HttpStatusCode.Conflict, "conflict");

        using var stale = await SendAsync(HttpMethod.Delete, $"/api/v1/items/{item.Id}/variants/en", "\"7\"");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");

        using var deleted = await SendAsync(HttpMethod.Delete, $"/api/v1/items/{item.Id}/variants/en", english.ETag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await Client.GetAsync($"/api/v1/items/{item.Id}/variants/en");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Oversized_fields_are_refused_by_name()
    {
        var item = await api.Given.ArticleAsync();
        var request = new VariantRequest(new string('T', 301), new string('b', 200_001), new string('s', 1001), SeoDescription: new string('d', 321));

        using var response = await Client.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/en", request, TestJson.Options);

        var errors = (await ProblemAssert.IsValidationProblemAsync(response, "title")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("bodyMarkdown", out _));
        Assert.True(errors.TryGetProperty("summary", out _));
        Assert.True(errors.TryGetProperty("seoDescription", out _));
    }

    private Task<HttpResponseMessage> PutAsync(Guid itemId, string language, VariantRequest body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{itemId}/variants/{language}") { Content = JsonContent.Create(body, options: TestJson.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Client.SendAsync(request);
    }
}

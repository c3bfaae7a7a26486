using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Revisions;
using ContentHub.Api.Http;
using ContentHub.Domain.Revisions;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Revisions;

public sealed class RevisionApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Every_save_appends_a_revision_listed_newest_first()
    {
        var (item, _) = await ItemWithTwoBodiesAsync();

        var all = await ListAsync(item.Id, "");
        Assert.Equal(3, all.TotalCount);
        Assert.Equal([RevisionAction.Updated, RevisionAction.Created, RevisionAction.Created], all.Items.Select(r => r.Action));
        Assert.True(all.Items[0].Id > all.Items[1].Id);
        Assert.All(all.Items, r => Assert.Equal("admin", r.Author));

        var itemOnly = await ListAsync(item.Id, "language=item");
        Assert.Null(Assert.Single(itemOnly.Items).Language);
        var vietnamese = await ListAsync(item.Id, "language=vi&pageSize=1");
        Assert.Equal(2, vietnamese.TotalCount);
        Assert.Single(vietnamese.Items);
    }

    [Fact]
    public async Task A_revision_shows_what_was_saved()
    {
        var (item, revisions) = await ItemWithTwoBodiesAsync();

        using var response = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions/{revisions[0].Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revision = (await response.Content.ReadFromJsonAsync<RevisionResponse>(TestJson.Options))!;
        Assert.Equal("vi", revision.Revision.Language);
        Assert.Equal("Dòng một\nDòng hai\nDòng ba", revision.Snapshot.GetProperty("bodyMarkdown").GetString());
    }

    [Fact]
    public async Task Diff_lists_changed_fields_and_a_line_diff_of_the_body()
    {
        var (item, revisions) = await ItemWithTwoBodiesAsync();

        using var response = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions/{revisions[0].Id}/diff?to={revisions[1].Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = (await response.Content.ReadFromJsonAsync<RevisionDiffResponse>(TestJson.Options))!;
        Assert.Equal(["bodyMarkdown", "title"], diff.Fields.Select(f => f.Field));
        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Unchanged, "Dòng một"),
                new DiffLine(DiffLineKind.Removed, "Dòng hai"),
                new DiffLine(DiffLineKind.Added, "Dòng hai đã sửa"),
                new DiffLine(DiffLineKind.Unchanged, "Dòng ba"),
            ],
            diff.BodyLines);
    }

    [Fact]
    public async Task Revisions_of_different_things_cannot_be_compared()
    {
        var (item, revisions) = await ItemWithTwoBodiesAsync();
        var itemRevision = (await ListAsync(item.Id, "language=item")).Items[0];

        using var response = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions/{itemRevision.Id}/diff?to={revisions[1].Id}");
        await ProblemAssert.IsValidationProblemAsync(response, "to");

        using var unknown = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions/{revisions[0].Id}/diff?to=999999999");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");

        using var missingTo = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions/{revisions[0].Id}/diff");
        await ProblemAssert.IsProblemAsync(missingTo, HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task Restoring_a_variant_revision_brings_the_text_back_as_a_new_revision()
    {
        var (item, revisions) = await ItemWithTwoBodiesAsync();
        var current = await Client.GetFromJsonAsync<VariantResponse>($"/api/v1/items/{item.Id}/variants/vi", TestJson.Options);

        using var missing = await Client.PostAsync($"/api/v1/items/{item.Id}/revisions/{revisions[0].Id}/restore", null);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");

        using var restored = await RestoreAsync(item.Id, revisions[0].Id, current!.ETag);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var body = (await restored.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        var variant = body.Variants.Single(v => v.Language == "vi");
        Assert.Equal("Dòng một\nDòng hai\nDòng ba", variant.BodyMarkdown);
        Assert.Equal(variant.ETag, restored.Headers.ETag?.ToString());

        var newest = (await ListAsync(item.Id, "language=vi")).Items[0];
        Assert.Equal(RevisionAction.Restored, newest.Action);
        Assert.Equal(revisions[0].Id, newest.RestoredFrom);

        using var stale = await RestoreAsync(item.Id, revisions[1].Id, current.ETag);
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task Restoring_brings_back_a_deleted_translation_and_item_fields()
    {
        var item = await api.Given.ArticleAsync();
        var english = await api.Given.VariantAsync(item.Id, "en", "Kept in history", "Old body");
        var englishRevision = (await ListAsync(item.Id, "language=en")).Items[0];
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/items/{item.Id}/variants/en"))
        {
            delete.Headers.TryAddWithoutValidation("If-Match", english.ETag);
            using var deleted = await Client.SendAsync(delete);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var recreated = await Client.PostAsync($"/api/v1/items/{item.Id}/revisions/{englishRevision.Id}/restore", null);
        Assert.Equal(HttpStatusCode.OK, recreated.StatusCode);
        var withEnglish = (await recreated.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        Assert.Equal("Kept in history", withEnglish.Variants.Single(v => v.Language == "en").Title);

        var itemRevision = (await ListAsync(item.Id, "language=item")).Items[0];
        var update = new UpdateItemRequest(item.OrgUnitId, item.CategoryId, ["changed"], Sensitive: true);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}") { Content = JsonContent.Create(update, options: TestJson.Options) };
        put.Headers.TryAddWithoutValidation("If-Match", withEnglish.ETag);
        using var updated = await Client.SendAsync(put);
        var afterUpdate = (await updated.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;

        using var restoreFields = await RestoreAsync(item.Id, itemRevision.Id, afterUpdate.ETag);
        var restored = (await restoreFields.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        Assert.False(restored.Sensitive);
        Assert.Empty(restored.Tags);
        Assert.Equal(restored.ETag, restoreFields.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Unknown_items_and_revisions_are_not_found()
    {
        var item = await api.Given.ArticleAsync();
        var other = await api.Given.ArticleAsync();
        var otherRevision = (await ListAsync(other.Id, "")).Items[0];

        using var wrongItem = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions/{otherRevision.Id}");
        await ProblemAssert.IsProblemAsync(wrongItem, HttpStatusCode.NotFound, "not-found");
        using var noItem = await Client.GetAsync($"/api/v1/items/{Guid.NewGuid()}/revisions");
        await ProblemAssert.IsProblemAsync(noItem, HttpStatusCode.NotFound, "not-found");
        using var badId = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions/abc");
        await ProblemAssert.IsProblemAsync(badId, HttpStatusCode.BadRequest, "malformed-request");
        using var restoreUnknown = await Client.PostAsync($"/api/v1/items/{item.Id}/revisions/{otherRevision.Id}/restore", null);
        await ProblemAssert.IsProblemAsync(restoreUnknown, HttpStatusCode.NotFound, "not-found");
        using var badLanguage = await Client.GetAsync($"/api/v1/items/{item.Id}/revisions?language=xx");
        await ProblemAssert.IsValidationProblemAsync(badLanguage, "language");
    }

    /// <summary>An article whose Vietnamese body was saved twice; returns the two variant revisions, oldest first.</summary>
    private async Task<(ItemResponse Item, List<RevisionSummaryResponse> Revisions)> ItemWithTwoBodiesAsync()
    {
        var item = await api.Given.ArticleAsync(body: "Dòng một\nDòng hai\nDòng ba");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}/variants/vi")
        {
            Content = JsonContent.Create(new VariantRequest("Tiêu đề đã sửa", "Dòng một\r\nDòng hai đã sửa\r\nDòng ba"), options: TestJson.Options),
        };
        put.Headers.TryAddWithoutValidation("If-Match", item.Variants[0].ETag);
        using var saved = await Client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var revisions = (await ListAsync(item.Id, "language=vi")).Items.Reverse().ToList();
        return (item, revisions);
    }

    private async Task<PagedResponse<RevisionSummaryResponse>> ListAsync(Guid itemId, string query) =>
        (await Client.GetFromJsonAsync<PagedResponse<RevisionSummaryResponse>>($"/api/v1/items/{itemId}/revisions?{query}", TestJson.Options))!;

    private Task<HttpResponseMessage> RestoreAsync(Guid itemId, long revisionId, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{itemId}/revisions/{revisionId}/restore");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Client.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Comments;
using ContentHub.Api.Http;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Comments;

public sealed class CommentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Comments_thread_on_an_item_and_on_its_variants()
    {
        var item = await api.Given.ArticleAsync();
        var (reviewer, reviewerName) = await Staff.NewAsync(api.Factory, [Role.Reviewer], item.OrgUnitId);

        var onItem = await AddAsync(reviewer, item.Id, new CommentRequest("Cần thêm ảnh minh họa."));
        var onLao = await AddAsync(reviewer, item.Id, new CommentRequest("ຊື່ແຂວງຂຽນບໍ່ຖືກ", "lo"));
        var reply = await AddAsync(api.Client, item.Id, new CommentRequest("Đã sửa.", ParentId: onLao.Id));

        Assert.Equal(reviewerName, onItem.Author);
        Assert.Equal("lo", reply.Language);
        Assert.Equal(onLao.Id, reply.ParentId);
        var all = await api.Client.GetFromJsonAsync<PagedResponse<CommentResponse>>($"/api/v1/items/{item.Id}/comments", TestJson.Options);
        Assert.Equal([onItem.Id, onLao.Id, reply.Id], all!.Items.Select(c => c.Id));
        var lao = await api.Client.GetFromJsonAsync<PagedResponse<CommentResponse>>($"/api/v1/items/{item.Id}/comments?language=lo", TestJson.Options);
        Assert.Equal([onLao.Id, reply.Id], lao!.Items.Select(c => c.Id));
        var itemOnly = await api.Client.GetFromJsonAsync<PagedResponse<CommentResponse>>($"/api/v1/items/{item.Id}/comments?language=item", TestJson.Options);
        Assert.Equal([onItem.Id], itemOnly!.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Bad_comments_are_refused()
    {
        var item = await api.Given.ArticleAsync();
        var other = await api.Given.ArticleAsync();
        var foreign = await AddAsync(api.Client, other.Id, new CommentRequest("Khác"));

        using var empty = await api.Client.PostAsJsonAsync($"/api/v1/items/{item.Id}/comments", new CommentRequest("  "));
        await ProblemAssert.IsValidationProblemAsync(empty, "body");
        using var tooLong = await api.Client.PostAsJsonAsync($"/api/v1/items/{item.Id}/comments", new CommentRequest(new string('x', 4001)));
        await ProblemAssert.IsValidationProblemAsync(tooLong, "body");
        using var wrongParent = await api.Client.PostAsJsonAsync($"/api/v1/items/{item.Id}/comments", new CommentRequest("Trả lời", ParentId: foreign.Id));
        await ProblemAssert.IsValidationProblemAsync(wrongParent, "parentId");
        using var noItem = await api.Client.PostAsJsonAsync($"/api/v1/items/{Guid.NewGuid()}/comments", new CommentRequest("?"));
        await ProblemAssert.IsProblemAsync(noItem, HttpStatusCode.NotFound, "not-found");
        using var badLanguage = await api.Client.PostAsJsonAsync($"/api/v1/items/{item.Id}/comments", new CommentRequest("?", "xx"));
        await ProblemAssert.IsValidationProblemAsync(badLanguage, "language");
    }

    private static async Task<CommentResponse> AddAsync(HttpClient client, Guid itemId, CommentRequest request)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/items/{itemId}/comments", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CommentResponse>(TestJson.Options))!;
    }
}

using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Api.Http;
using ContentHub.Domain.Taxonomy;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Taxonomy;

public sealed class TaxonomyApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task A_category_is_created_read_renamed_listed_and_deleted()
    {
        var slug = Given.Unique("am-thuc");
        var names = new Dictionary<string, string> { ["vi"] = "Ẩm thực", ["zh"] = "美食", ["lo"] = "ອາຫານ" };
        using var created = await Client.PostAsJsonAsync("/api/v1/categories", new CategoryRequest(slug, names), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var category = (await created.Content.ReadFromJsonAsync<CategoryResponse>(TestJson.Options))!;
        Assert.Equal(["lo", "vi", "zh-Hans"], category.Names.Keys);

        var read = await Client.GetFromJsonAsync<CategoryResponse>(created.Headers.Location!.OriginalString, TestJson.Options);
        Assert.Equal(category.Slug, read!.Slug);
        Assert.Equal(category.Names, read.Names);

        var renamed = new Dictionary<string, string> { ["vi"] = "Ẩm thực và đặc sản", ["en"] = "Cuisine and local products" };
        using var updated = await Client.PutAsJsonAsync($"/api/v1/categories/{category.Id}", new CategoryRequest(slug, renamed), TestJson.Options);
        var body = (await updated.Content.ReadFromJsonAsync<CategoryResponse>(TestJson.Options))!;
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Cuisine and local products", ["vi"] = "Ẩm thực và đặc sản" }, body.Names);

        var list = await Client.GetFromJsonAsync<PagedResponse<CategoryResponse>>("/api/v1/categories?pageSize=100", TestJson.Options);
        Assert.Contains(list!.Items, c => c.Id == category.Id);

        using var deleted = await Client.DeleteAsync($"/api/v1/categories/{category.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await Client.GetAsync($"/api/v1/categories/{category.Id}");
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_category_in_use_or_with_children_cannot_be_deleted()
    {
        var parent = await api.Given.CategoryAsync();
        await api.Given.CategoryAsync(parentId: parent.Id);
        var used = await api.Given.CategoryAsync();
        var request = await api.Given.ArticleRequestAsync();
        await api.Given.ItemAsync(request with { CategoryId = used.Id });

        using var withChild = await Client.DeleteAsync($"/api/v1/categories/{parent.Id}");
        await ProblemAssert.IsProblemAsync(withChild, HttpStatusCode.Conflict, "in-use");
        using var withItem = await Client.DeleteAsync($"/api/v1/categories/{used.Id}");
        await ProblemAssert.IsProblemAsync(withItem, HttpStatusCode.Conflict, "in-use");
    }

    [Fact]
    public async Task Categories_cannot_form_cycles_or_share_slugs()
    {
        var top = await api.Given.CategoryAsync();
        var child = await api.Given.CategoryAsync(parentId: top.Id);

        using var cycle = await Client.PutAsJsonAsync($"/api/v1/categories/{top.Id}", new CategoryRequest(top.Slug, top.Names, child.Id), TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(cycle, "parentId");
        using var self = await Client.PutAsJsonAsync($"/api/v1/categories/{top.Id}", new CategoryRequest(top.Slug, top.Names, top.Id), TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(self, "parentId");
        using var noParent = await Client.PostAsJsonAsync("/api/v1/categories", new CategoryRequest(Given.Unique("x"), top.Names, Guid.NewGuid()), TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(noParent, "parentId");

        using var duplicate = await Client.PostAsJsonAsync("/api/v1/categories", new CategoryRequest(top.Slug, top.Names), TestJson.Options);
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Categories_nest_at_most_five_levels()
    {
        Guid? parent = null;
        for (var level = 1; level <= Category.MaxDepth; level++)
        {
            parent = (await api.Given.CategoryAsync(parentId: parent)).Id;
        }

        using var tooDeep = await Client.PostAsJsonAsync("/api/v1/categories", new CategoryRequest(Given.Unique("deep"), new Dictionary<string, string> { ["vi"] = "Sâu" }, parent), TestJson.Options);
        await ProblemAssert.IsValidationProblemAsync(tooDeep, "parentId");
    }

    [Theory]
    [InlineData("{\"slug\":\"Du Lịch\",\"names\":{\"vi\":\"Du lịch\"}}", "slug")]
    [InlineData("{\"slug\":\"ok-slug\",\"names\":{}}", "names")]
    [InlineData("{\"slug\":\"ok-slug\",\"names\":{\"xx\":\"?\"}}", "names.xx")]
    [InlineData("{\"slug\":\"ok-slug\",\"names\":{\"vi\":\"  \"}}", "names.vi")]
    [InlineData("{\"slug\":\"ok-slug\",\"names\":{\"zh\":\"北江\",\"zh-CN\":\"北江\"}}", "names.zh-CN")]
    public async Task Bad_category_input_is_refused_by_field(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/v1/categories", content);
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task An_org_unit_is_managed_and_protected_while_it_owns_items()
    {
        var code = Given.Unique("so-vhttdl");
        var names = new Dictionary<string, string> { ["vi"] = "Sở Văn hóa, Thể thao và Du lịch", ["en"] = "Department of Culture, Sports and Tourism" };
        using var created = await Client.PostAsJsonAsync("/api/v1/org-units", new OrgUnitRequest(code, OrgUnitType.Department, names), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = (await created.Content.ReadFromJsonAsync<OrgUnitResponse>(TestJson.Options))!;

        using var duplicate = await Client.PostAsJsonAsync("/api/v1/org-units", new OrgUnitRequest(code, OrgUnitType.District, names), TestJson.Options);
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.Conflict, "conflict");

        using var updated = await Client.PutAsJsonAsync($"/api/v1/org-units/{unit.Id}", new OrgUnitRequest(code, OrgUnitType.PressAgency, names), TestJson.Options);
        Assert.Equal(OrgUnitType.PressAgency, (await updated.Content.ReadFromJsonAsync<OrgUnitResponse>(TestJson.Options))!.Type);

        var request = await api.Given.ArticleRequestAsync();
        await api.Given.ItemAsync(request with { OrgUnitId = unit.Id });
        using var inUse = await Client.DeleteAsync($"/api/v1/org-units/{unit.Id}");
        await ProblemAssert.IsProblemAsync(inUse, HttpStatusCode.Conflict, "in-use");

        var spare = await api.Given.OrgUnitAsync();
        using var deleted = await Client.DeleteAsync($"/api/v1/org-units/{spare.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var unknown = await Client.GetAsync($"/api/v1/org-units/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        using var unknownDelete = await Client.DeleteAsync($"/api/v1/org-units/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(unknownDelete, HttpStatusCode.NotFound, "not-found");
        using var unknownUpdate = await Client.PutAsJsonAsync($"/api/v1/categories/{Guid.NewGuid()}", new CategoryRequest("x-y", names), TestJson.Options);
        await ProblemAssert.IsProblemAsync(unknownUpdate, HttpStatusCode.NotFound, "not-found");
        using var badType = await Client.PostAsync("/api/v1/org-units", new StringContent("{\"code\":\"a-b\",\"type\":\"Embassy\",\"names\":{\"vi\":\"x\"}}", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(badType, HttpStatusCode.BadRequest, "malformed-request");
        using var badPage = await Client.GetAsync("/api/v1/org-units?pageSize=1000");
        await ProblemAssert.IsValidationProblemAsync(badPage, "pageSize");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

public sealed class ODataExpandTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Theory]
    [InlineData("en", "Tourism")]
    [InlineData("lo", "Tourism")]
    [InlineData("vi", "Du lịch")]
    public async Task Expanded_categories_are_named_along_the_same_fallback_chain(string language, string name)
    {
        var value = await ValueAsync($"/odata/Articles?lang={language}&$expand=Category");

        Assert.Equal(3, value.GetArrayLength());
        Assert.All(value.EnumerateArray(), entry => Assert.Equal(name, entry.GetProperty("Category").GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task Expansion_takes_its_own_select()
    {
        var entry = (await ValueAsync("/odata/Articles?$select=Title&$expand=Category($select=Name)"))[0];

        Assert.Equal(["Category", "Title"], entry.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).Order(StringComparer.Ordinal));
        Assert.Equal(["Name"], entry.GetProperty("Category").EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')));
    }

    [Fact]
    public async Task The_newest_twenty_with_their_categories_cost_one_sql_statement()
    {
        await ValueAsync("/odata/Articles?lang=en&$expand=Category");
        api.Factory.Commands.Clear();

        // The same query written otherwise: not in the answer cache, so it is made again.
        await ValueAsync("/odata/Articles?$expand=Category&lang=en");

        var reads = api.Factory.Commands.Commands.Where(c => c.Contains("published_entries", StringComparison.Ordinal)).ToList();
        Assert.Single(reads);
        Assert.Contains("category_names", reads[0], StringComparison.Ordinal);
    }

    private async Task<JsonElement> ValueAsync(string url)
    {
        using var response = await api.PortalClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("value").Clone();
    }
}

public sealed class ODataCategoryTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Categories_are_listed_and_read_in_the_portals_language()
    {
        using var portal = api.PortalClient();
        var list = JsonDocument.Parse(await portal.GetStringAsync("/odata/Categories?lang=vi&$count=true")).RootElement;
        Assert.True(list.GetProperty("@count").GetInt64() >= 2);
        var first = list.GetProperty("value")[0];
        Assert.Equal("Du lịch", first.GetProperty("Name").GetString());

        var id = first.GetProperty("Id").GetGuid();
        var one = JsonDocument.Parse(await portal.GetStringAsync($"/odata/Categories({id})?lang=en")).RootElement;
        Assert.Equal("Tourism", one.GetProperty("Name").GetString());

        using var byLanguage = await portal.GetAsync("/odata/Categories?$filter=Language eq 'vi'");
        Assert.Equal(HttpStatusCode.NotImplemented, byLanguage.StatusCode);
        using var unknown = await portal.GetAsync($"/odata/Categories({Guid.NewGuid()})");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_portal_with_chosen_categories_sees_only_those()
    {
        using var anonymous = api.Factory.CreateClient();
        var list = JsonDocument.Parse(await anonymous.GetStringAsync($"/odata/Categories?portal={api.PublicSlug}")).RootElement;
        Assert.Equal(1, list.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Categories_are_filtered_ordered_and_paged_by_their_name_in_the_portals_language()
    {
        var prefix = Given.Unique("cat").Replace("-", string.Empty, StringComparison.Ordinal);
        var investment = await CategoryAsync($"{prefix}-b", new() { ["vi"] = "Đầu tư", ["en"] = "Investment" });
        var culture = await CategoryAsync($"{prefix}-a", new() { ["vi"] = "Văn hoá" });
        var border = await CategoryAsync($"{prefix}-c", new() { ["vi"] = "Cửa khẩu", ["en"] = "Border gates", ["lo"] = "ດ່ານຊາຍແດນ" });
        using var portal = api.PortalClient();

        Assert.Equal([investment], await IdsAsync(portal, $"/odata/Categories?lang=en&$filter=startswith(Slug,'{prefix}') and Name eq 'Investment'"));
        Assert.Equal([culture], await IdsAsync(portal, $"/odata/Categories?lang=en&$filter=startswith(Slug,'{prefix}') and Name eq 'Văn hoá'"));
        Assert.Equal([border], await IdsAsync(portal, $"/odata/Categories?lang=lo&$filter=Name eq 'ດ່ານຊາຍແດນ'"));
        Assert.Equal([culture, investment, border], await IdsAsync(portal, $"/odata/Categories?lang=en&$filter=startswith(Slug,'{prefix}')&$orderby=Name desc"));

        var seen = new List<Guid>();
        var url = $"/odata/Categories?lang=en&$filter=startswith(Slug,'{prefix}')&$count=true";
        for (var pages = 0; url is not null && pages < 5; pages++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=2");
            using var response = await portal.SendAsync(request);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(3, page.GetProperty("@count").GetInt64());
            seen.AddRange(page.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Id").GetGuid()));
            url = page.TryGetProperty("@nextLink", out var next) ? new Uri(next.GetString()!).PathAndQuery : null;
        }

        Assert.Equal([culture, investment, border], seen);
        Assert.Equal("3", await portal.GetStringAsync($"/odata/Categories/$count?$filter=startswith(Slug,'{prefix}')"));
    }

    private async Task<Guid> CategoryAsync(string slug, Dictionary<string, string> names)
    {
        using var response = await api.Client.PostAsJsonAsync("/api/v1/categories", new ContentHub.Api.Features.Taxonomy.CategoryRequest(slug, names), TestJson.Options);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ContentHub.Api.Features.Taxonomy.CategoryResponse>(TestJson.Options))!.Id;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient portal, string url)
    {
        using var response = await portal.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Id").GetGuid()).ToList();
    }
}

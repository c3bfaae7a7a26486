using System.Net;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Search;

/// <summary>
/// Who finds what: a portal only what it shows (never a draft, a withdrawn language or another portal's
/// category); editors everything, drafts included, with filters, snippets and did-you-mean.
/// </summary>
public sealed class SearchVisibilityTests(ApiFixture api) : SearchVisibilityTests<ApiFixture>(api);

/// <summary>The same rules on the search index's path (see PortalSearch), which large corpora take for narrow searches.</summary>
public sealed class IndexPathSearchVisibilityTests(IndexPathFixture api) : SearchVisibilityTests<IndexPathFixture>(api);

public abstract class SearchVisibilityTests<TFixture>(TFixture api) : IClassFixture<TFixture>
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_portal_finds_only_what_it_shows_and_editors_find_drafts_too()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var carried = await api.Given.CategoryAsync();
        var other = await api.Given.CategoryAsync();
        var request = await api.Given.ArticleRequestAsync();
        var word = "xylophon" + Guid.NewGuid().ToString("N")[..6];

        var published = await api.Given.ItemAsync(request with { CategoryId = carried.Id, Variant = new VariantRequest($"Bắc Giang {word}", "Nội dung về vải thiều.") });
        await api.Given.VariantAsync(published.Id, "en", $"Bac Giang {word}", "About lychees.");
        await Steps.PublishAsync(api.Client, reviewer, published.Id);
        (await Steps.TryLanguageAsync(reviewer, published.Id, "en", "withdraw")).Dispose();
        var draft = await api.Given.ItemAsync(request with { CategoryId = carried.Id, Variant = new VariantRequest($"Bản nháp {word}", "Chưa duyệt.") });
        var elsewhere = await api.Given.ItemAsync(request with { CategoryId = other.Id, Variant = new VariantRequest($"Nơi khác {word}", "Danh mục khác.") });
        await Steps.PublishAsync(api.Client, reviewer, elsewhere.Id);

        var slug = Given.Unique("visible");
        await api.Given.PortalAsync(new PortalRequest("Cổng", slug, "https://visible.example", [new PortalLanguageRequest("vi"), new PortalLanguageRequest("en")], [carried.Id], IsPublic: true));

        Assert.Equal([published.Id], await SearchHttp.PortalIdsAsync(api.Anonymous, slug, "vi", word));
        Assert.Empty(await SearchHttp.PortalIdsAsync(api.Anonymous, slug, "en", word));

        var editors = await SearchHttp.GetAsync(api.Client, $"/api/v1/search?q={word}");
        var hits = editors.GetProperty("items").EnumerateArray().Select(h => (h.GetProperty("itemId").GetGuid(), h.GetProperty("language").GetString())).ToList();
        Assert.Contains((published.Id, "vi"), hits);
        Assert.Contains((published.Id, "en"), hits);
        Assert.Contains((draft.Id, "vi"), hits);
        Assert.Contains((elsewhere.Id, "vi"), hits);
        Assert.Equal(4, editors.GetProperty("totalCount").GetInt32());

        var drafts = await SearchHttp.GetAsync(api.Client, $"/api/v1/search?q={word}&state=Draft&language=vi");
        Assert.Equal([draft.Id], drafts.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("itemId").GetGuid()));
        var byCategory = await SearchHttp.GetAsync(api.Client, $"/api/v1/search?q={word}&categoryId={other.Id}");
        Assert.Equal([elsewhere.Id], byCategory.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("itemId").GetGuid()));
    }

    [Fact]
    public async Task Hits_carry_a_safe_highlighted_snippet_and_vietnamese_without_diacritics_gets_a_suggestion()
    {
        var request = await api.Given.ArticleRequestAsync();
        var word = "zeppelin" + Guid.NewGuid().ToString("N")[..6];
        await api.Given.ItemAsync(request with { Variant = new VariantRequest($"Bắc Giang đón {word}", $"Lễ hội <b>mùa xuân</b> ở Bắc Giang với {word} & pháo hoa.") });

        var found = await SearchHttp.GetAsync(api.Client, $"/api/v1/search?q={Uri.EscapeDataString("bac giang " + word)}&language=vi");
        var snippet = found.GetProperty("items")[0].GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>Bắc</mark> <mark>Giang</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains($"<mark>{word}</mark> &amp; pháo hoa", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
        Assert.Equal("Bắc Giang", (await SearchHttp.GetAsync(api.Client, "/api/v1/search?q=bac%20giang")).GetProperty("didYouMean").GetString());
        Assert.Equal(JsonValueKind.Null, (await SearchHttp.GetAsync(api.Client, "/api/v1/search?q=B%E1%BA%AFc%20Giang")).GetProperty("didYouMean").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/search?q=(alpha", "q")]
    [InlineData("/api/v1/search?q=%22%20%22", "q")]
    [InlineData("/api/v1/search?q=a&pageSize=51", "pageSize")]
    [InlineData("/api/v1/search?q=a&page=20", "page")]
    [InlineData("/api/v1/search?q=a&kind=Nope", "kind")]
    [InlineData("/api/v1/search?q=a&language=klingon", "language")]
    public async Task Bad_searches_are_400_naming_the_field(string url, string field)
    {
        using var response = await api.Client.GetAsync(url);
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Portal_search_needs_a_key_or_a_public_portal()
    {
        using var response = await api.Anonymous.GetAsync("/api/v1/portal/search?q=a");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

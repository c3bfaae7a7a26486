using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Api.Tests.Media;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Search;

/// <summary>The service with its background indexer running, as in production.</summary>
public sealed class BackgroundIndexingFixture : MediaFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Search:BackgroundIndexing"] = "true" };
}

/// <summary>
/// Text an item's index borrows from other rows follows them: after a category is renamed its items
/// are found by the new name and no longer by the old, for editors and portals; after a caption
/// changes, editors find the item by the new caption.
/// </summary>
public sealed class SearchDependentsTests(BackgroundIndexingFixture api) : IClassFixture<BackgroundIndexingFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Renaming_a_category_reindexes_its_items_in_the_background()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var before = "kangaroo" + Guid.NewGuid().ToString("N")[..6];
        var after = "platypus" + Guid.NewGuid().ToString("N")[..6];
        var slug = Given.Unique("renamed");
        var category = await api.Given.CategoryAsync(slug);
        using (var named = await api.Client.PutAsJsonAsync($"/api/v1/categories/{category.Id}", new CategoryRequest(slug, new Dictionary<string, string> { ["vi"] = before }), TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        }

        var request = await api.Given.ArticleRequestAsync();
        var item = await api.Given.ItemAsync(request with { CategoryId = category.Id, Variant = new VariantRequest("Lễ hội mùa xuân", "Nội dung.") });
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
        var portal = Given.Unique("renamed-portal");
        await api.Given.PortalAsync(new PortalRequest("Cổng", portal, "https://renamed.example", [new PortalLanguageRequest("vi")], IsPublic: true));
        await Eventually(async () => await SearchHttp.PortalIdsAsync(api.Anonymous, portal, "vi", before) is [var id] && id == item.Id);

        using (var renamed = await api.Client.PutAsJsonAsync($"/api/v1/categories/{category.Id}", new CategoryRequest(slug, new Dictionary<string, string> { ["vi"] = after }), TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        await Eventually(async () => await SearchHttp.PortalIdsAsync(api.Anonymous, portal, "vi", after) is [var id] && id == item.Id);
        Assert.Empty(await SearchHttp.PortalIdsAsync(api.Anonymous, portal, "vi", before));
        Assert.Equal([item.Id], await EditorIdsAsync(after));
        Assert.Empty(await EditorIdsAsync(before));
    }

    [Fact]
    public async Task Changing_a_caption_reindexes_the_variants_of_items_with_the_file()
    {
        var before = "echidna" + Guid.NewGuid().ToString("N")[..6];
        var after = "numbat" + Guid.NewGuid().ToString("N")[..6];
        using var uploaded = await MediaHttp.UploadAsync(api.Client, TestMedia.Png(40, 30), "image/png", "banner.png");
        var picture = (await uploaded.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
        await CaptionAsync(picture.Id, before);
        var banner = await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with
        {
            Kind = ContentKind.PromoAsset, Promo = new PromoFields(PromoAssetType.Banner, Files: [new LanguageFile(picture.Id)]),
        });
        Assert.Equal([banner.Id], await EditorIdsAsync(before));

        await CaptionAsync(picture.Id, after);

        await Eventually(async () => await EditorIdsAsync(after) is [var id] && id == banner.Id);
        Assert.Empty(await EditorIdsAsync(before));
    }

    private async Task CaptionAsync(Guid fileId, string word)
    {
        using var response = await api.Client.PutAsJsonAsync($"/api/v1/media/{fileId}/captions/vi", new CaptionRequest("Biểu ngữ", $"Chú thích {word}"), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<Guid>> EditorIdsAsync(string q)
    {
        var page = await SearchHttp.GetAsync(api.Client, $"/api/v1/search?q={Uri.EscapeDataString(q)}&language=vi");
        return page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("itemId").GetGuid()).ToList();
    }

    // The background indexer runs right after the save; give it time on a loaded machine.
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, "The search index did not follow in time.");
            await Task.Delay(200);
        }
    }
}

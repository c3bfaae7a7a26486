using System.Net.Http.Json;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.People;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// Text a machine translated and no person reviewed reaches only portals that accept it: others are
/// served the next language of their chain and are not told the language exists. (The translation
/// workflow marks such entries; here the database is marked as it will.)
/// </summary>
public sealed class MachineTranslationVisibilityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Unreviewed_machine_translation_reaches_only_portals_that_accept_it()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var category = await api.Given.CategoryAsync();
        var item = await api.Given.ItemAsync(await api.Given.ArticleRequestAsync() with { CategoryId = category.Id, Variant = new VariantRequest("Hội chợ vi", "Nội dung") });
        await api.Given.VariantAsync(item.Id, "en", "Fair en");
        await Steps.TakeAsync(api.Client, item.Id, "submit");
        await Steps.TakeAsync(reviewer, item.Id, "approve");
        await Steps.TakeAsync(api.Client, item.Id, "publish");
        await using (var db = api.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE published_entries SET machine_translated = true WHERE item_id = {item.Id} AND language = 'en'");
            await db.Database.ExecuteSqlAsync($"UPDATE published_items SET reviewed_languages = '{{vi}}' WHERE item_id = {item.Id}");
        }

        using var careful = await PortalClientAsync(accepts: false);
        using var eager = await PortalClientAsync(accepts: true);
        var list = $"/odata/Articles?lang=en&$filter=CategoryId eq {category.Id}";

        var refused = Assert.Single(await EntriesAsync(careful, list));
        Assert.Equal(("vi", "Hội chợ vi"), (refused.GetProperty("Language").GetString(), refused.GetProperty("Title").GetString()));
        Assert.Equal(["vi"], refused.GetProperty("AvailableLanguages").EnumerateArray().Select(l => l.GetString()));
        Assert.Empty(await EntriesAsync(careful, list + " and AvailableLanguages/any(l: l eq 'en')"));
        Assert.Empty(await EntriesAsync(careful, $"/odata/Articles?lang=en&$filter=CategoryId eq {category.Id} and Language eq 'en'"));

        var accepted = Assert.Single(await EntriesAsync(eager, list));
        Assert.Equal(("en", "Fair en", true), (accepted.GetProperty("Language").GetString(), accepted.GetProperty("Title").GetString(), accepted.GetProperty("MachineTranslated").GetBoolean()));
        Assert.Equal(["en", "vi"], accepted.GetProperty("AvailableLanguages").EnumerateArray().Select(l => l.GetString()));
    }

    private async Task<HttpClient> PortalClientAsync(bool accepts)
    {
        using var created = await api.Client.PostAsJsonAsync("/api/v1/portals", new PortalRequest("MT " + accepts, Given.Unique("mt"), "https://mt.example",
            [new PortalLanguageRequest("en", ["vi"]), new PortalLanguageRequest("vi")], AcceptsUnreviewedMachineTranslation: accepts), TestJson.Options);
        var portal = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PortalResponse>(TestJson.Options))!;
        using var issued = await api.Client.PostAsJsonAsync($"/api/v1/portals/{portal.Id}/keys", new ApiKeyRequest("tests"), TestJson.Options);
        var key = (await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IssuedApiKeyResponse>(TestJson.Options))!.Key;
        var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        return client;
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        using var json = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

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
/// workflow marks such entries; here the database is marked as it will.) Portal settings that decide
/// what a portal sees take effect with its next query.
/// </summary>
public sealed class PortalSettingsVisibilityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Unreviewed_machine_translation_reaches_only_portals_that_accept_it()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var category = await api.Given.CategoryAsync();
        var item = await api.Given.ItemAsync(await api.Given.ArticleRequestAsync() with { CategoryId = category.Id, Variant = new VariantRequest("Hội chợ vi", "Nội dung") });
        await api.Given.VariantAsync(item.Id, "en", "Fair en");
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
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

    [Fact]
    public async Task A_changed_portal_is_answered_by_its_new_settings_at_once()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var kept = await api.Given.CategoryAsync();
        var dropped = await api.Given.CategoryAsync();
        foreach (var category in new[] { kept, dropped })
        {
            var item = await api.Given.ItemAsync(await api.Given.ArticleRequestAsync() with { CategoryId = category.Id, Variant = new VariantRequest("Tin " + category.Id, "Nội dung") });
            await Steps.PublishAsync(api.Client, reviewer, item.Id);
        }

        var settings = new PortalRequest("Changing", Given.Unique("changing"), "https://changing.example", [new PortalLanguageRequest("vi")]);
        var created = await PortalAsync(settings);
        using var portal = created.Client;
        var list = $"/odata/Articles?$filter=CategoryId in ({kept.Id},{dropped.Id})&$select=CategoryId";
        Assert.Equal(2, (await EntriesAsync(portal, list)).Count);

        using var changed = await api.Client.PutAsJsonAsync($"/api/v1/portals/{created.Id}", settings with { CategoryIds = [kept.Id] }, TestJson.Options);
        changed.EnsureSuccessStatusCode();

        var after = Assert.Single(await EntriesAsync(portal, list));
        Assert.Equal(kept.Id, after.GetProperty("CategoryId").GetGuid());
    }

    private async Task<HttpClient> PortalClientAsync(bool accepts) =>
        (await PortalAsync(new PortalRequest("MT " + accepts, Given.Unique("mt"), "https://mt.example",
            [new PortalLanguageRequest("en", ["vi"]), new PortalLanguageRequest("vi")], AcceptsUnreviewedMachineTranslation: accepts))).Client;

    private async Task<(HttpClient Client, Guid Id)> PortalAsync(PortalRequest settings)
    {
        var portal = await api.Given.PortalAsync(settings);
        return (api.ClientWithKey((await api.Given.KeyAsync(portal.Id)).Key), portal.Id);
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        using var json = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

using System.Net.Http.Json;
using System.Text;
using ContentHub.Api.Features.Demo;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Http;
using ContentHub.Domain.Workflow;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Demo;

/// <summary>The service with the demo content loaded at start-up, exactly as the embedded default does.</summary>
public sealed class DemoFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedDemoContent"] = "true" };
}

public sealed class DemoContentTests(DemoFixture api) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task The_demo_holds_about_thirty_items_of_every_kind_in_all_six_languages()
    {
        var page = await api.Client.GetFromJsonAsync<PagedResponse<ItemSummaryResponse>>("/api/v1/items?pageSize=100", TestJson.Options);

        Assert.InRange(page!.TotalCount, 28, 40);
        Assert.Equal(Enum.GetValues<ContentKind>(), page.Items.Select(i => i.Kind).Distinct().Order());
        Assert.Equal(LanguageTag.All.Select(l => l.Code).Order(StringComparer.Ordinal), page.Items.SelectMany(i => i.Languages).Distinct().Order(StringComparer.Ordinal));
        Assert.True(page.Items.Count(i => i.Languages.Count == 6) >= 10);
        Assert.Contains(page.Items, i => i.Sensitive);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    [InlineData("lo")]
    [InlineData("zh-Hans")]
    public async Task The_public_demo_portal_serves_what_was_published_in_each_language(string language)
    {
        var page = System.Text.Json.JsonDocument.Parse(await api.Anonymous.GetStringAsync($"/odata/Articles?portal={DemoContentSeeder.Portal.Slug}&lang={language}&$count=true&$select=Title,Language")).RootElement;

        Assert.True(page.GetProperty("@count").GetInt64() >= 5);
        var served = page.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Language").GetString()).Distinct().ToList();
        Assert.Contains(language, served);
        Assert.All(served, l => Assert.Contains(l, new[] { language, "en", "vi" }));
    }

    [Fact]
    public async Task Most_of_the_demo_went_through_the_workflow_to_publication_under_four_eyes()
    {
        var page = (await api.Client.GetFromJsonAsync<PagedResponse<ItemSummaryResponse>>("/api/v1/items?pageSize=100", TestJson.Options))!;
        var states = page.Items.GroupBy(i => i.State).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(states[EditorialState.Published] >= 15, string.Join(", ", states));
        Assert.Contains(EditorialState.Draft, states.Keys);
        Assert.Contains(EditorialState.InReview, states.Keys);

        var sensitive = page.Items.First(i => i.Sensitive && i.State == EditorialState.Published);
        var item = (await api.Client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{sensitive.Id}", TestJson.Options))!;
        Assert.True(item.SignOff!.Current);
        Assert.All(item.Variants, v => Assert.True(v.Cleared));
        Assert.NotEqual(item.CreatedBy, item.Review!.By);
        Assert.NotEqual(item.Review.By, item.SignOff.By);

        // Portals will read the published entries: one per cleared language of each published item.
        await using var db = api.CreateDbContext();
        Assert.Equal(states[EditorialState.Published], await db.PublishedEntries.Select(e => e.ItemId).Distinct().CountAsync());
        Assert.Equal(item.Variants.Count, await db.PublishedEntries.CountAsync(e => e.ItemId == sensitive.Id));
    }

    [Fact]
    public async Task Demo_videos_carry_subtitles_and_transcripts_that_the_portal_gets_and_translators_see_cue_by_cue()
    {
        var page = (await api.Client.GetFromJsonAsync<PagedResponse<ItemSummaryResponse>>("/api/v1/items?pageSize=100", TestJson.Options))!;
        var videos = new List<ItemResponse>();
        foreach (var summary in page.Items.Where(i => i.Kind == ContentKind.Video))
        {
            videos.Add((await api.Client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{summary.Id}", TestJson.Options))!);
        }

        var harvest = Assert.Single(videos, v => v.Video!.Subtitles is { Count: 2 });
        Assert.Equal(["en", "vi"], harvest.Video!.Subtitles!.Select(s => s.Language).Order(StringComparer.Ordinal));
        var english = System.Text.Json.JsonDocument.Parse(await api.Anonymous.GetStringAsync(
            $"/odata/Videos?portal={DemoContentSeeder.Portal.Slug}&lang=en&$filter=Id eq {harvest.Id}&$expand=Files")).RootElement;
        var track = Assert.Single(english.GetProperty("value")[0].GetProperty("Files").EnumerateArray(), f => f.GetProperty("Role").GetString() == "Subtitles");
        Assert.Contains("lychee orchards of Luc Ngan", await api.Anonymous.GetStringAsync(track.GetProperty("Url").GetString()), StringComparison.Ordinal);
        var transcript = System.Text.Json.JsonDocument.Parse(await api.Anonymous.GetStringAsync(
            $"/odata/Videos?portal={DemoContentSeeder.Portal.Slug}&lang=en&$filter=Id eq {harvest.Id}&$select=Transcript")).RootElement;
        Assert.StartsWith("At four in the morning", transcript.GetProperty("value")[0].GetProperty("Transcript").GetString(), StringComparison.Ordinal);

        var draft = Assert.Single(videos, v => v.State == EditorialState.Draft && v.Video!.Subtitles is { Count: 1 });
        var review = (await api.Client.GetFromJsonAsync<Features.Translation.TranslationReviewResponse>($"/api/v1/items/{draft.Id}/translations/en/review", TestJson.Options))!;
        Assert.Equal(["subtitles/0", "subtitles/1"], review.Segments.Where(s => s.Id.StartsWith("subtitles/", StringComparison.Ordinal)).Select(s => s.Id));
        Assert.All(review.Segments.Where(s => s.Id.StartsWith("subtitles/", StringComparison.Ordinal)), s => Assert.Equal("missing", s.State));
    }

    [Fact]
    public async Task Every_demo_text_is_well_formed_in_its_own_script()
    {
        await using var db = api.CreateDbContext();
        var variants = await db.Variants.AsNoTracking().ToListAsync();

        Assert.All(variants, v =>
        {
            Assert.True(v.Title.IsNormalized(NormalizationForm.FormC) && v.BodyMarkdown.IsNormalized(NormalizationForm.FormC), v.Title);
            Assert.True(Slug.IsValid(v.Slug), v.Slug);
            Assert.False(string.IsNullOrWhiteSpace(v.BodyHtml), v.Title);
        });
        Assert.All(variants.Where(v => v.Language == LanguageTag.Vietnamese), v => Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", v.Title.ToLowerInvariant() + v.Summary));
        Assert.All(variants.Where(v => v.Language == LanguageTag.Lao), v =>
        {
            Assert.Contains(v.Title, c => c is >= '\u0E80' and <= '\u0EFF');
            // Thai and Lao look alike; a Thai letter in a Lao text is a typing error.
            Assert.DoesNotContain(v.Title + v.Summary + v.BodyMarkdown, c => c is >= '\u0E00' and <= '\u0E7F');
        });
        Assert.All(variants.Where(v => v.Language == LanguageTag.Korean), v => Assert.Contains(v.Title, c => c is >= '\uAC00' and <= '\uD7A3'));
        Assert.All(variants.Where(v => v.Language == LanguageTag.Japanese), v => Assert.Contains(v.Title + v.Summary, c => c is >= '\u3040' and <= '\u30FF'));
        Assert.All(variants.Where(v => v.Language == LanguageTag.ChineseSimplified), v => Assert.Contains(v.Title, c => c is >= '\u4E00' and <= '\u9FFF'));
    }

    [Fact]
    public async Task Glossary_names_are_used_as_the_province_writes_them()
    {
        await using var db = api.CreateDbContext();
        var foreignAffairs = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == "so-ngoai-vu");
        var names = foreignAffairs.Names.ToDictionary(n => n.Language.Code, n => n.Name);
        Assert.Equal("Department of Foreign Affairs", names["en"]);
        Assert.Equal("外事厅", names["zh-Hans"]);
        Assert.Equal("외무국", names["ko"]);
        Assert.Equal("外務局", names["ja"]);
        Assert.Equal("ພະແນກການຕ່າງປະເທດ", names["lo"]);
    }

    [Fact]
    public async Task The_demo_glossary_holds_the_domain_names_in_every_language_and_demo_texts_follow_it()
    {
        await using var db = api.CreateDbContext();
        var terms = await db.Glossary.AsNoTracking().ToListAsync();
        Assert.Equal(39, terms.Count);
        var bacGiang = terms.Where(t => t.Source == "Bắc Giang").ToDictionary(t => t.TargetLanguage.Code, t => t.Target);
        Assert.Equal(("Bac Giang", "北江", "박장", "バクザン", "ບັກຢາງ"), (bacGiang["en"], bacGiang["zh-Hans"], bacGiang["ko"], bacGiang["ja"], bacGiang["lo"]));
        Assert.True(terms.Single(t => t.Source == "VSIP" && t.TargetLanguage == LanguageTag.Korean).DoNotTranslate);

        // Every published English text that names the province in its Vietnamese source uses the glossary's name.
        var english = await db.PublishedEntries.AsNoTracking().Where(e => e.Language == LanguageTag.English).Select(e => e.Title + " " + e.BodyHtml).ToListAsync();
        Assert.NotEmpty(english);
        Assert.DoesNotContain(english, text => text.Contains("Bắc Giang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_demo_person_signs_in_with_the_password_the_readme_lists()
    {
        foreach (var person in DemoContentSeeder.People)
        {
            using var client = await Staff.ClientAsync(api.Factory, person.UserName, person.Password);
            var me = await client.GetFromJsonAsync<Api.Features.People.MeResponse>("/api/v1/me", TestJson.Options);
            Assert.Equal([person.Role.ToString()], me!.Roles);
            Assert.NotNull(me.OrgUnitId);
        }

        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));
        Assert.All(DemoContentSeeder.People, person => Assert.Contains($"`{person.UserName}` | `{person.Password}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var before = api.CreateDbContext();
        var count = await before.Items.CountAsync();

        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        }

        await using var after = api.CreateDbContext();
        Assert.Equal(count, await after.Items.CountAsync());
    }
}

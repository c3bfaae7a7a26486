using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Translation;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Translation;
using ContentHub.Testing;
using static ContentHub.Api.Tests.Translation.TranslationHttp;

namespace ContentHub.Api.Tests.Translation;

/// <summary>
/// The translation loop through HTTP against a fake Azure Translator that follows the
/// specification: source approved → one batched machine call for five languages (after a 429 with
/// Retry-After) → a translator fixes it → checks block, then pass → a reviewer approves → the portal
/// sees it → the source changes and the translation is outdated → memory makes the next item's
/// draft without the machine.
/// </summary>
public sealed class TranslationLoopTests(TranslatorFixture api) : IClassFixture<TranslatorFixture>
{
    private const string Title = "Bắc Giang đón các nhà đầu tư Hàn Quốc";
    private const string Body = "Năm 2026, [Sở Ngoại vụ](https://songoaivu.bacgiang.gov.vn) đón **nhiều** đoàn doanh nghiệp.\n\n- Khu công nghiệp Quang Châu\n- Cửa khẩu Chi Ma\n";
    private const string EnglishBody = "In 2026, the [Department of Foreign Affairs](https://songoaivu.bacgiang.gov.vn) welcomed **many** business delegations.\n\n- Quang Chau Industrial Park\n- Chi Ma border gate\n";

    [Fact]
    public async Task A_translation_goes_from_machine_draft_to_portal_and_memory_spares_the_next_machine_call()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en", "zh-Hans", "ko", "ja", "lo"]);
        var itemId = await ApprovedSourceAsync(editor, reviewer, unit.Id, category.Id);

        var before = api.Translator.Calls.Count;
        api.Translator.ThrottleNext(seconds: 1);
        var job = await FinishedAsync(translator, (await MachineAsync(translator, itemId)).Id);
        var calls = api.Translator.Calls.Skip(before).ToList();

        Assert.Equal("Done", job.State);
        Assert.Equal(1, job.Requests);
        var call = Assert.Single(calls, c => c.Status == 200);
        Assert.Equal(["en", "zh-Hans", "ko", "ja", "lo"], call.To);
        Assert.Contains("api-version=3.0", call.Query, StringComparison.Ordinal);
        Assert.Contains("textType=html", call.Query, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(call.TraceId));
        Assert.Equal("southeastasia", call.Region);
        Assert.Equal([429, 200], calls.Select(c => c.Status)); // the retry waited for Retry-After
        Assert.DoesNotContain(call.Texts, t => t.Contains("https://", StringComparison.Ordinal) || t.Contains("2026", StringComparison.Ordinal));
        Assert.Equal(call.Texts.Sum(t => (long)t.Length) * 5, job.Characters);

        var states = await StatesAsync(translator, itemId);
        var english = states.Languages.Single(l => l.Language == "en");
        Assert.Equal(TranslationState.MachineTranslated, english.State);
        Assert.Equal(TranslationOrigin.Machine, english.Provenance!.Origin);
        Assert.Equal("azure-translator/general", english.Provenance.Provider);
        Assert.All(states.Languages, l => Assert.Equal(TranslationState.MachineTranslated, l.State));
        var draft = await VariantAsync(translator, itemId, "en");
        Assert.Contains("[Sở Ngoại vụ](https://songoaivu.bacgiang.gov.vn) đón **nhiều**", draft.BodyMarkdown, StringComparison.Ordinal);
        Assert.StartsWith("⟨en⟩Năm 2026, [", draft.BodyMarkdown, StringComparison.Ordinal);

        // The translator loses the year: the checks block the step to review and say where.
        await WriteAsync(translator, itemId, "en", new VariantRequest("Bac Giang welcomes Korean investors", EnglishBody.Replace("In 2026, the", "This year the", StringComparison.Ordinal)));
        using (var blocked = await StepAsync(translator, itemId, "en", "submit", new { }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
            var problem = JsonDocument.Parse(await blocked.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("urn:contenthub:problem:quality-checks", problem.GetProperty("type").GetString());
            Assert.Contains(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("check").GetString() == "numbers" && f.GetProperty("segment").GetString() == "body/0");
        }

        await WriteAsync(translator, itemId, "en", new VariantRequest("Bac Giang welcomes Korean investors", EnglishBody));
        using (var submitted = await StepAsync(translator, itemId, "en", "submit", new { }))
        {
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        }

        Assert.Equal(TranslationState.InReview, (await StatesAsync(translator, itemId)).Languages.Single(l => l.Language == "en").State);
        using (var approved = await Steps.TryLanguageAsync(reviewer, itemId, "en", "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        english = (await StatesAsync(translator, itemId)).Languages.Single(l => l.Language == "en");
        Assert.Equal(TranslationState.Approved, english.State);
        Assert.Equal(TranslationOrigin.PostEdited, english.Provenance!.Origin);

        await Steps.TakeAsync(editor, itemId, "publish");
        var portal = await api.Given.PortalAsync(new PortalRequest("Cổng đối ngoại", Given.Unique("doingoai"), "https://doingoai.example", [new PortalLanguageRequest("en")]));
        using var portalClient = api.ClientWithKey((await api.Given.KeyAsync(portal.Id)).Key);
        var shown = await PortalEntryAsync(portalClient, itemId);
        Assert.Equal("Bac Giang welcomes Korean investors", shown.GetProperty("Title").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("SourceUpdatedAt").ValueKind);

        // The source changes: the translation is outdated; once the new source is approved, portals see the lag.
        await WriteAsync(editor, itemId, "vi", new VariantRequest(Title, Body + "\nThêm một đoạn mới.\n"));
        Assert.Equal(TranslationState.Outdated, (await StatesAsync(translator, itemId)).Languages.Single(l => l.Language == "en").State);
        var review = (await reviewer.GetFromJsonAsync<TranslationReviewResponse>($"/api/v1/items/{itemId}/translations/en/review", TestJson.Options))!;
        Assert.Equal(TranslationState.Outdated, review.Language.State);
        Assert.Contains(review.SourceChanges, c => c.Field == "bodyMarkdown");
        Assert.Equal(["translated", "translated", "translated", "translated", "missing"], review.Segments.Select(s => s.State));
        Assert.Equal(["title", "body/0", "body/1", "body/2", "body/3"], review.Segments.Select(s => s.Id));
        Assert.Equal(100, review.Segments[1].MemoryMatches[0].Score);
        Assert.Equal("In {1/}, the {2}Department of Foreign Affairs{/2} welcomed {3}many{/3} business delegations.", review.Segments[1].Target);
        using (var sourceApproved = await Steps.TryLanguageAsync(reviewer, itemId, "vi", "approve"))
        {
            Assert.True(sourceApproved.IsSuccessStatusCode, await sourceApproved.Content.ReadAsStringAsync());
        }

        Assert.NotEqual(JsonValueKind.Null, (await PortalEntryAsync(portalClient, itemId)).GetProperty("SourceUpdatedAt").ValueKind);

        // The next item says the same: its English comes from memory alone, without the machine.
        var callsSoFar = api.Translator.Calls.Count;
        var second = await ApprovedSourceAsync(editor, reviewer, unit.Id, category.Id);
        var reused = await FinishedAsync(translator, (await MachineAsync(translator, second, "en")).Id);

        Assert.Equal("Done", reused.State);
        Assert.Equal(0, reused.Requests);
        Assert.Equal(callsSoFar, api.Translator.Calls.Count);
        Assert.Equal(4, reused.MemoryHits); // the title, the paragraph and the two list items
        var fromMemory = (await StatesAsync(translator, second)).Languages.Single(l => l.Language == "en");
        Assert.Equal(TranslationState.MachineTranslated, fromMemory.State);
        Assert.Equal(TranslationOrigin.Memory, fromMemory.Provenance!.Origin);
        Assert.Equal(EnglishBody, (await VariantAsync(translator, second, "en")).BodyMarkdown);
    }

    [Fact]
    public async Task An_answer_that_does_not_match_the_request_is_refused_and_nothing_is_stored()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var itemId = await ApprovedSourceAsync(editor, reviewer, unit.Id, category.Id, "Một bài viết khác về Lục Ngạn");

        api.Translator.MalformNext();
        var job = await FinishedAsync(editor, (await MachineAsync(editor, itemId, "ko", "lo")).Id);

        Assert.Equal("Failed", job.State);
        Assert.Contains("refused", job.Message, StringComparison.Ordinal);
        Assert.All((await StatesAsync(editor, itemId)).Languages, l => Assert.Equal(TranslationState.Missing, l.State));
    }

    [Fact]
    public async Task A_block_too_long_for_five_languages_in_one_request_goes_to_fewer_per_request()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var paragraph = string.Join(' ', Enumerable.Repeat("Bắc Giang có nhiều khu công nghiệp với hạ tầng đồng bộ.", 220)) + "\n";
        Assert.InRange(paragraph.Length, 11_000, 13_000);
        var itemId = await ApprovedSourceAsync(editor, reviewer, unit.Id, category.Id, "Một đoạn rất dài", paragraph);

        var before = api.Translator.Calls.Count;
        var job = await FinishedAsync(editor, (await MachineAsync(editor, itemId)).Id);

        Assert.Equal("Done", job.State);
        var calls = api.Translator.Calls.Skip(before).ToList();
        Assert.Equal(2, job.Requests);
        Assert.Equal([4, 1], calls.Select(c => c.To.Count));
        Assert.All(calls, c => Assert.Equal(200, c.Status));
        Assert.All((await StatesAsync(editor, itemId)).Languages, l => Assert.Equal(TranslationState.MachineTranslated, l.State));
    }

    [Fact]
    public async Task A_translator_may_ask_only_for_their_own_languages()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["ja"]);
        var itemId = await ApprovedSourceAsync(editor, reviewer, unit.Id, category.Id, "Bài về vải thiều Lục Ngạn");

        using var refused = await translator.PostAsJsonAsync($"/api/v1/items/{itemId}/translations/machine", new MachineDraftRequest(["en"]));
        using var unknown = await translator.PostAsJsonAsync($"/api/v1/items/{itemId}/translations/machine", new MachineDraftRequest(["xx"]));
        using var source = await translator.PostAsJsonAsync($"/api/v1/items/{itemId}/translations/machine", new MachineDraftRequest(["vi"]));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, source.StatusCode);
        var job = await MachineAsync(translator, itemId);
        Assert.Equal(["ja"], job.Languages);
        Assert.Equal("Done", (await FinishedAsync(translator, job.Id)).State);
    }

    [Fact]
    public async Task Glossary_terms_reach_every_language_of_the_machine_output_and_the_checks_hold_translators_to_them()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en", "zh-Hans"]);
        // Letters only: a number in the term would be a code of its own and split it.
        var place = "Xã Tân Sơn " + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c));
        foreach (var (language, target) in new[] { ("en", "Tan Son Commune"), ("zh-Hans", "新山社") })
        {
            using var created = await editor.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", language, place, target, "properNoun"));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var itemId = await ApprovedSourceAsync(editor, reviewer, unit.Id, category.Id, $"Du lịch {place}", $"Đoàn khách thăm {place} vào mùa xuân.\n");
        var before = api.Translator.Calls.Count;
        var job = await FinishedAsync(translator, (await MachineAsync(translator, itemId)).Id);

        Assert.Equal("Done", job.State);
        var sent = api.Translator.Calls.Skip(before).Single(c => c.Status == 200);
        Assert.DoesNotContain(sent.Texts, t => t.Contains(place, StringComparison.Ordinal));
        Assert.Contains("新山社", (await VariantAsync(translator, itemId, "zh-Hans")).BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("Tan Son Commune", (await VariantAsync(translator, itemId, "en")).Title, StringComparison.Ordinal);

        await WriteAsync(translator, itemId, "en", new VariantRequest("Tourism in Tan Son Commune", "Visitors come to Tan Son in spring.\n"));
        using var blocked = await StepAsync(translator, itemId, "en", "submit", new { });
        var problem = JsonDocument.Parse(await blocked.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        var finding = Assert.Single(problem.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal(("glossary", "body/0"), (finding.GetProperty("check").GetString(), finding.GetProperty("segment").GetString()));

        await WriteAsync(translator, itemId, "en", new VariantRequest("Tourism in Tan Son Commune", "Visitors come to Tan Son Commune in spring.\n"));
        using var passed = await StepAsync(translator, itemId, "en", "submit", new { });
        Assert.True(passed.IsSuccessStatusCode, await passed.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> PortalEntryAsync(HttpClient portal, Guid itemId)
    {
        var page = JsonDocument.Parse(await portal.GetStringAsync($"/odata/Articles?lang=en&$filter=Id eq {itemId}")).RootElement;
        return Assert.Single(page.GetProperty("value").EnumerateArray().ToList());
    }

    private static async Task<Guid> ApprovedSourceAsync(HttpClient editor, HttpClient reviewer, Guid unitId, Guid categoryId, string title = Title, string body = Body)
    {
        using var created = await editor.PostAsJsonAsync("/api/v1/items", new CreateItemRequest(ContentKind.Article, "vi", unitId, categoryId, new VariantRequest(title, body)), TestJson.Options);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var item = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        await Steps.TakeAsync(editor, item.Id, "submit");
        await Steps.TakeAsync(reviewer, item.Id, "approve");
        return item.Id;
    }
}

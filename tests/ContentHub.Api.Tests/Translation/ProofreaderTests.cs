using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.People;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Translation;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using static ContentHub.Api.Tests.Translation.TranslationHttp;

namespace ContentHub.Api.Tests.Translation;

/// <summary>A translator allowed to proofread a language approves its translations, but never their own, and no other language.</summary>
public sealed class ProofreaderTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_proofreader_approves_the_language_they_proofread_but_not_their_own_work()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (writer, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en", "ko"]);
        var proofreader = await ProofreaderAsync(["en", "ko"], ["en"]);

        using var created = await editor.PostAsJsonAsync("/api/v1/items", new CreateItemRequest(ContentKind.Article, "vi", unit.Id, category.Id, new VariantRequest("Hội Lim", "Lễ hội quan họ.")), TestJson.Options);
        var itemId = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!.Id;
        await Steps.TakeAsync(editor, itemId, "submit");
        await Steps.TakeAsync(reviewer, itemId, "approve");
        await api.Given.VariantAsync(itemId, "en", "Lim Festival", "A quan ho festival.");
        await api.Given.VariantAsync(itemId, "ko", "림 축제", "관호 축제.");

        using (var wrongLanguage = await Steps.TryLanguageAsync(proofreader, itemId, "ko", "approve"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongLanguage.StatusCode);
        }

        using (var approved = await Steps.TryLanguageAsync(proofreader, itemId, "en", "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        Assert.Equal(TranslationState.Approved, (await StatesAsync(proofreader, itemId)).Languages.Single(l => l.Language == "en").State);

        // The proofreader's own translation needs someone else.
        await WriteAsync(proofreader, itemId, "en", new VariantRequest("The Lim Festival", "A festival of quan ho singing."));
        using (var own = await Steps.TryLanguageAsync(proofreader, itemId, "en", "approve"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        using (var byWriter = await Steps.TryLanguageAsync(writer, itemId, "en", "approve"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWriter.StatusCode);
        }
    }

    [Fact]
    public async Task Warnings_of_the_checks_are_accepted_only_with_a_reason_which_the_audit_log_keeps()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en"]);
        using var created = await editor.PostAsJsonAsync("/api/v1/items", new CreateItemRequest(ContentKind.Article, "vi", unit.Id, category.Id, new VariantRequest("Hội Lim", "Lễ hội quan họ Bắc Ninh.")), TestJson.Options);
        var itemId = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!.Id;
        await Steps.TakeAsync(editor, itemId, "submit");
        await Steps.TakeAsync(reviewer, itemId, "approve");
        // A proper name kept as it is in English: the check warns that the title is the source's.
        await TranslationHttp.WriteAsync(translator, itemId, "en", new VariantRequest("Hội Lim", "The quan ho festival of Bac Ninh."));

        using (var warned = await StepAsync(translator, itemId, "en", "submit", new { }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.StatusCode);
            Assert.Contains("\"untranslated\"", await warned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var accepted = await StepAsync(translator, itemId, "en", "submit", new { acceptWarnings = "Hội Lim is the festival's name in English too." }))
        {
            Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        }

        await using var db = api.CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.ItemId == itemId && a.Action == "translation.submitted");
        Assert.Contains("Hội Lim is the festival's name in English too.", entry.Details, StringComparison.Ordinal);
        Assert.Contains("title untranslated", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_translators_own_languages_can_be_proofread()
    {
        using var response = await api.Client.PostAsJsonAsync("/api/v1/users", new CreateUserRequest(
            Given.Unique("proof"), "Người hiệu đính", Staff.Password, ["Translator"], TranslatorLanguages: ["en"], ProofreadLanguages: ["ja"]), TestJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpClient> ProofreaderAsync(string[] languages, string[] proofreads)
    {
        var name = Given.Unique("proofreader");
        using var response = await api.Client.PostAsJsonAsync("/api/v1/users", new CreateUserRequest(
            name, "Người hiệu đính", Staff.Password, ["Translator"], TranslatorLanguages: languages, ProofreadLanguages: proofreads), TestJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(proofreads, (await response.Content.ReadFromJsonAsync<UserResponse>(TestJson.Options))!.ProofreadLanguages);
        return await Staff.ClientAsync(api.Factory, name, Staff.Password);
    }
}

using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Translation;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Translation;
using ContentHub.Testing;
using static ContentHub.Api.Tests.Translation.TranslationHttp;

namespace ContentHub.Api.Tests.Translation;

/// <summary>English is pre-filled when a source is approved, within a small monthly budget.</summary>
public sealed class PrefillFixture : TranslatorFixture
{
    public const int Budget = 2000;

    protected override IReadOnlyDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Translation:PrefillLanguages:0"] = "en",
        ["Translation:MonthlyCharacterBudget"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Pre-filling on approval, the monthly budget, and what translators and reviewers then do with the
/// work queue: priorities and due dates, returns with a comment.
/// </summary>
public sealed class PrefillBudgetWorklistTests(PrefillFixture api) : IClassFixture<PrefillFixture>
{
    [Fact]
    public async Task Approved_sources_are_prefilled_until_the_budget_is_spent_and_the_queue_orders_the_rest()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en", "lo"]);

        var small = await ApprovedAsync(editor, reviewer, unit.Id, category.Id, "Chợ phiên Lục Ngạn", "Chợ họp vào sáng chủ nhật.");
        var smallJob = await LastJobAsync(small);
        Assert.Equal("Done", smallJob.State);
        Assert.Equal(["en"], smallJob.Languages);
        Assert.Equal(TranslationState.MachineTranslated, (await StatesAsync(translator, small)).Languages.Single(l => l.Language == "en").State);

        var large = await ApprovedAsync(editor, reviewer, unit.Id, category.Id, "Cẩm nang đầu tư", string.Join("\n\n", Enumerable.Repeat("Tỉnh có nhiều khu công nghiệp mới với hạ tầng đồng bộ.", 60)));
        var largeJob = await LastJobAsync(large);
        Assert.Equal("Skipped", largeJob.State);
        Assert.Contains("budget", largeJob.Message, StringComparison.Ordinal);

        var usage = (await api.Client.GetFromJsonAsync<TranslationUsageResponse>("/api/v1/translation/usage", TestJson.Options))!;
        Assert.Equal(smallJob.Characters, usage.Characters);
        Assert.Equal(PrefillFixture.Budget - smallJob.Characters, usage.Remaining);
        Assert.True(usage.ProviderConfigured);
        Assert.DoesNotContain(FakeTranslator.Key, await api.Client.GetStringAsync("/api/v1/translation/usage"), StringComparison.Ordinal);

        // The large item is urgent: it heads the translator's queue, before the older machine draft.
        var etag = (await editor.GetAsync($"/api/v1/items/{large}")).Headers.ETag!.ToString();
        using (var plan = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{large}/translations/plan") { Content = JsonContent.Create(new TranslationPlanRequest("Urgent", "2026-12-31")) })
        {
            plan.Headers.TryAddWithoutValidation("If-Match", etag);
            using var planned = await editor.SendAsync(plan);
            Assert.True(planned.IsSuccessStatusCode, await planned.Content.ReadAsStringAsync());
        }

        var queue = await QueueAsync(translator);
        var mine = queue.Items.Where(e => e.ItemId == large || e.ItemId == small).ToList();
        // Then the oldest first: the missing Lao waits since the source was written, the English draft only since the machine made it.
        Assert.Equal([(large, "en"), (large, "lo"), (small, "lo"), (small, "en")], mine.Select(e => (e.ItemId, e.Language)));
        Assert.Equal([TranslationState.Missing, TranslationState.Missing, TranslationState.Missing, TranslationState.MachineTranslated], mine.Select(e => e.State));
        Assert.Equal(("Urgent", new DateOnly(2026, 12, 31)), (mine[0].Priority, mine[0].DueOn!.Value));
        Assert.All((await QueueAsync(translator, "language=ko")).Items, _ => Assert.Fail("A translator's queue holds only their languages."));

        // Sent to review, then returned with a comment: back in the queue, marked returned.
        await WriteAsync(translator, small, "en", new VariantRequest("Luc Ngan market", "The market meets on Sunday mornings."));
        using (var submitted = await StepAsync(translator, small, "en", "submit", new SubmitTranslationRequest()))
        {
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        }

        Assert.DoesNotContain((await QueueAsync(translator)).Items, e => e.ItemId == small && e.Language == "en");
        using (var byTranslator = await StepAsync(translator, small, "en", "return", new ReturnTranslationRequest("No.")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byTranslator.StatusCode);
        }

        using (var returned = await StepAsync(reviewer, small, "en", "return", new ReturnTranslationRequest("Say which Sunday: the market is fortnightly.")))
        {
            Assert.True(returned.IsSuccessStatusCode, await returned.Content.ReadAsStringAsync());
        }

        var english = (await StatesAsync(translator, small)).Languages.Single(l => l.Language == "en");
        Assert.Equal((TranslationState.InTranslation, true, "Say which Sunday: the market is fortnightly."), (english.State, english.Returned, english.ReturnComment));
        Assert.Contains((await QueueAsync(translator, "state=InTranslation")).Items, e => e.ItemId == small && e.Language == "en" && e.Returned);
    }

    private static async Task<Guid> ApprovedAsync(HttpClient editor, HttpClient reviewer, Guid unit, Guid category, string title, string body)
    {
        using var created = await editor.PostAsJsonAsync("/api/v1/items", new CreateItemRequest(ContentKind.Article, "vi", unit, category, new VariantRequest(title, body)), TestJson.Options);
        var id = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!.Id;
        await Steps.TakeAsync(editor, id, "submit");
        await Steps.TakeAsync(reviewer, id, "approve");
        return id;
    }

    // The prefill job the approval queued: found in the database, then followed through the API.
    private async Task<TranslationJobResponse> LastJobAsync(Guid itemId)
    {
        await using var db = api.CreateDbContext();
        var id = db.TranslationJobs.Where(j => j.ItemId == itemId).Select(j => j.Id).Single();
        return await FinishedAsync(api.Client, id);
    }

    private static async Task<PagedResponse<WorkQueueEntry>> QueueAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<PagedResponse<WorkQueueEntry>>($"/api/v1/translation/queue?pageSize=100&{query}", TestJson.Options))!;
}

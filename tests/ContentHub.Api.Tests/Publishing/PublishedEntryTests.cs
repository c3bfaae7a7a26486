using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Publishing;
using ContentHub.Domain.People;
using ContentHub.Domain.Publishing;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Publishing;

/// <summary>What portals will read: the published entries kept beside the editorial content.</summary>
public sealed class PublishedEntryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Publishing_shows_the_cleared_languages_only()
    {
        var (item, reviewer) = await ApprovedWithTranslationsAsync(sensitive: false);
        await api.Given.VariantAsync(item.Id, "lo", "ຂ່າວໃໝ່");

        await Steps.TakeAsync(api.Client, item.Id, "publish");

        var entries = await EntriesAsync(item.Id);
        Assert.Equal(["en", "vi"], entries.Select(e => e.Language.Code).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.False(e.MachineTranslated));
        Assert.Equal("<p>English body</p>\n", entries.Single(e => e.Language.Code == "en").BodyHtml);

        using var approveLao = await Steps.TryLanguageAsync(reviewer, item.Id, "lo", "approve");
        Assert.Equal(HttpStatusCode.OK, approveLao.StatusCode);
        Assert.Equal(3, (await EntriesAsync(item.Id)).Count);
    }

    [Fact]
    public async Task An_edit_of_published_text_stays_off_the_portals_until_it_is_approved()
    {
        var (item, reviewer) = await ApprovedWithTranslationsAsync(sensitive: false);
        await Steps.TakeAsync(api.Client, item.Id, "publish");
        var approvedTitle = (await EntriesAsync(item.Id)).Single(e => e.Language.Code == "en").Title;

        var english = await api.Client.GetFromJsonAsync<VariantResponse>($"/api/v1/items/{item.Id}/variants/en", TestJson.Options);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}/variants/en") { Content = JsonContent.Create(new VariantRequest("Draft title, not yet approved", "New body"), options: TestJson.Options) };
        put.Headers.TryAddWithoutValidation("If-Match", english!.ETag);
        (await api.Client.SendAsync(put)).Dispose();

        Assert.Equal(approvedTitle, (await EntriesAsync(item.Id)).Single(e => e.Language.Code == "en").Title);

        using var approve = await Steps.TryLanguageAsync(reviewer, item.Id, "en", "approve");
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var shown = (await EntriesAsync(item.Id)).Single(e => e.Language.Code == "en");
        Assert.Equal("Draft title, not yet approved", shown.Title);
        Assert.Equal("<p>New body</p>\n", shown.BodyHtml);
    }

    [Fact]
    public async Task Withdrawing_unpublishing_and_republishing_take_entries_off_and_back()
    {
        var (item, reviewer) = await ApprovedWithTranslationsAsync(sensitive: false);
        await Steps.TakeAsync(api.Client, item.Id, "publish");

        (await Steps.TryLanguageAsync(reviewer, item.Id, "en", "withdraw")).Dispose();
        Assert.Equal(["vi"], (await EntriesAsync(item.Id)).Select(e => e.Language.Code));
        Assert.Equal(["vi"], (await ListingAsync(item.Id))!.Languages);

        await Steps.TakeAsync(api.Client, item.Id, "unpublish");
        Assert.Empty(await EntriesAsync(item.Id));
        Assert.Null(await ListingAsync(item.Id));

        (await Steps.TryLanguageAsync(reviewer, item.Id, "en", "approve")).Dispose();
        await Steps.TakeAsync(api.Client, item.Id, "republish");
        Assert.Equal(["en", "vi"], (await EntriesAsync(item.Id)).Select(e => e.Language.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["en", "vi"], (await ListingAsync(item.Id))!.Languages);
    }

    [Fact]
    public async Task A_new_category_reaches_every_language_with_the_next_approval()
    {
        var (item, reviewer) = await ApprovedWithTranslationsAsync(sensitive: false);
        await Steps.TakeAsync(api.Client, item.Id, "publish");
        var before = item.CategoryId;
        var moved = await api.Given.CategoryAsync();

        using var current = await api.Client.GetAsync($"/api/v1/items/{item.Id}");
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}") { Content = JsonContent.Create(new UpdateItemRequest(item.OrgUnitId, moved.Id), options: TestJson.Options) };
        update.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        using var updated = await api.Client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.All(await EntriesAsync(item.Id), e => Assert.Equal(before, e.CategoryId));
        Assert.Equal(before, (await ListingAsync(item.Id))!.CategoryId);

        var english = await api.Client.GetFromJsonAsync<VariantResponse>($"/api/v1/items/{item.Id}/variants/en", TestJson.Options);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}/variants/en") { Content = JsonContent.Create(new VariantRequest("Moved", "Body"), options: TestJson.Options) };
        put.Headers.TryAddWithoutValidation("If-Match", english!.ETag);
        (await api.Client.SendAsync(put)).EnsureSuccessStatusCode().Dispose();
        (await Steps.TryLanguageAsync(reviewer, item.Id, "en", "approve")).EnsureSuccessStatusCode().Dispose();

        Assert.Equal(2, (await EntriesAsync(item.Id)).Count(e => e.CategoryId == moved.Id));
        Assert.Equal(moved.Id, (await ListingAsync(item.Id))!.CategoryId);
    }

    [Fact]
    public async Task A_sensitive_translation_waits_for_its_sign_off()
    {
        var (item, reviewer) = await ApprovedWithTranslationsAsync(sensitive: true, signOffLanguages: ["vi"]);
        await Steps.TakeAsync(api.Client, item.Id, "publish");
        Assert.Equal(["vi"], (await EntriesAsync(item.Id)).Select(e => e.Language.Code));
        Assert.Equal(["vi"], (await ListingAsync(item.Id))!.Languages);

        var (lead, _) = await Staff.NewAsync(api.Factory, [Role.Lead]);
        using var signOff = await Steps.TryLanguageAsync(lead, item.Id, "en", "sign-off");
        Assert.Equal(HttpStatusCode.OK, signOff.StatusCode);
        Assert.Equal(2, (await EntriesAsync(item.Id)).Count);
        _ = reviewer;
    }

    [Fact]
    public async Task Published_items_without_entries_are_filled_in_at_start_up()
    {
        var (item, _) = await ApprovedWithTranslationsAsync(sensitive: false);
        await Steps.TakeAsync(api.Client, item.Id, "publish");
        await using (var db = api.CreateDbContext())
        {
            await db.PublishedEntries.Where(e => e.ItemId == item.Id).ExecuteDeleteAsync();
        }

        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PublicationProjector>().BackfillAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal(2, (await EntriesAsync(item.Id)).Count);
    }

    /// <summary>An article (vi) with an English translation, submitted and approved in both languages (signed off as asked).</summary>
    private async Task<(ItemResponse Item, HttpClient Reviewer)> ApprovedWithTranslationsAsync(bool sensitive, string[]? signOffLanguages = null)
    {
        var request = (await api.Given.ArticleRequestAsync()) with { Sensitive = sensitive };
        var item = await api.Given.ItemAsync(request);
        await api.Given.VariantAsync(item.Id, "en", Given.Unique("English title"), "English body");
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        await Steps.TakeAsync(api.Client, item.Id, "submit");
        item = await Steps.TakeAsync(reviewer, item.Id, "approve");
        if (sensitive)
        {
            var (lead, _) = await Staff.NewAsync(api.Factory, [Role.Lead]);
            item = await Steps.TakeAsync(lead, item.Id, "sign-off", new Api.Features.Workflow.WorkflowRequest(Languages: signOffLanguages));
        }

        return (item, reviewer);
    }

    private async Task<PublishedItem?> ListingAsync(Guid itemId)
    {
        await using var db = api.CreateDbContext();
        return await db.PublishedItems.AsNoTracking().SingleOrDefaultAsync(i => i.ItemId == itemId);
    }

    private async Task<List<PublishedEntry>> EntriesAsync(Guid itemId)
    {
        await using var db = api.CreateDbContext();
        return await db.PublishedEntries.AsNoTracking().Where(e => e.ItemId == itemId).ToListAsync();
    }
}

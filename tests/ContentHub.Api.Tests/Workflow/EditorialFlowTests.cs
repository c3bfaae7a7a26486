using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Scheduling;
using ContentHub.Api.Features.Workflow;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Workflow;
using ContentHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Workflow;

/// <summary>The service on a clock the test moves.</summary>
public sealed class ClockedFixture : ApiFixture
{
    public ManualClock ManualClock { get; } = new(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));

    public override TimeProvider Clock => ManualClock;

    /// <summary>One look of the scheduled-publishing worker, exactly as the worker takes it on each tick.</summary>
    public async Task<ScheduledPublisher.Result> RunSchedulerAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledPublisher>().RunOnceAsync(CancellationToken.None);
    }
}

public sealed class EditorialFlowTests(ClockedFixture api) : IClassFixture<ClockedFixture>
{
    [Fact]
    public async Task A_sensitive_article_goes_from_draft_to_published_on_schedule_and_the_audit_log_shows_every_step()
    {
        var unit = await api.Given.OrgUnitAsync();
        var (editor, editorName) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, reviewerName) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (lead, leadName) = await Staff.NewAsync(api.Factory, [Role.Lead], (await api.Given.OrgUnitAsync()).Id);
        var request = await api.Given.ArticleRequestAsync(title: Given.Unique("Thông tin chính thức về biên giới"));
        using var created = await editor.PostAsJsonAsync("/api/v1/items", request with { OrgUnitId = unit.Id, Sensitive = true }, TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        Assert.Equal([WorkflowAction.Submit, WorkflowAction.Archive], item.AllowedActions);

        item = await Steps.TakeAsync(editor, item.Id, "submit");
        Assert.Equal(EditorialState.InReview, item.State);

        item = await Steps.TakeAsync(reviewer, item.Id, "approve");
        Assert.Equal(EditorialState.Approved, item.State);
        Assert.Equal(reviewerName, item.Review!.By);
        Assert.True(item.Variants[0].Review!.Current);

        // Sensitive: no publication, now or scheduled, before a lead signs off.
        using (var early = await Steps.TryAsync(editor, item.Id, "publish"))
        {
            var problem = await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict, "conflict");
            Assert.Contains("sign-off", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        item = await Steps.TakeAsync(lead, item.Id, "sign-off");
        Assert.Equal(leadName, item.SignOff!.By);
        Assert.True(item.Variants[0].Cleared);

        var due = api.ManualClock.GetUtcNow().AddMinutes(10);
        item = await Steps.TakeAsync(editor, item.Id, "schedule", new WorkflowRequest(PublishAt: due.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(EditorialState.Scheduled, item.State);
        Assert.Equal(due, item.PublishAt);

        Assert.Equal(new ScheduledPublisher.Result(0, 0, 0), await api.RunSchedulerAsync());
        api.ManualClock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, (await api.RunSchedulerAsync()).Published);

        var published = (await api.Client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{item.Id}", TestJson.Options))!;
        Assert.Equal(EditorialState.Published, published.State);
        Assert.Equal(due, published.PublishedAt);
        await using (var db = api.CreateDbContext())
        {
            var entry = Assert.Single(db.PublishedEntries.Where(e => e.ItemId == item.Id));
            Assert.Equal((due, request.Variant.Title), (entry.PublishedAt, entry.Title));
        }

        var log = (await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?itemId={item.Id}&pageSize=100", TestJson.Options))!;
        Assert.Equal(
            [
                ("item.created", editorName, null, "Draft"),
                ("workflow.submit", editorName, "Draft", "InReview"),
                ("workflow.approve", reviewerName, "InReview", "Approved"),
                ("workflow.sign-off", leadName, "Approved", "Approved"),
                ("workflow.schedule", editorName, "Approved", "Scheduled"),
                ("workflow.publish-scheduled", ScheduledPublisher.Actor, "Scheduled", "Published"),
            ],
            log.Items.Reverse().Select(e => (e.Action, e.Actor, e.FromState, e.ToState)));
    }

    [Fact]
    public async Task Nothing_is_published_before_its_time_and_a_published_item_comes_down_when_due()
    {
        var item = await ApprovedArticleAsync();
        var now = api.ManualClock.GetUtcNow();
        item = await Steps.TakeAsync(api.Client, item.Id, "schedule", new WorkflowRequest(PublishAt: now.AddMinutes(5).ToString("O", System.Globalization.CultureInfo.InvariantCulture), UnpublishAt: now.AddMinutes(30).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

        api.ManualClock.Advance(TimeSpan.FromMinutes(4));
        await api.RunSchedulerAsync();
        Assert.Equal(EditorialState.Scheduled, (await ReadAsync(item.Id)).State);

        api.ManualClock.Advance(TimeSpan.FromMinutes(1));
        await api.RunSchedulerAsync();
        Assert.Equal(EditorialState.Published, (await ReadAsync(item.Id)).State);

        api.ManualClock.Advance(TimeSpan.FromMinutes(25));
        await api.RunSchedulerAsync();
        var down = await ReadAsync(item.Id);
        Assert.Equal(EditorialState.Unpublished, down.State);
        Assert.Null(down.UnpublishAt);
    }

    [Fact]
    public async Task A_schedule_never_publishes_content_that_is_no_longer_approved_at_its_due_time()
    {
        var item = await ApprovedArticleAsync();
        item = await Steps.TakeAsync(api.Client, item.Id, "schedule", new WorkflowRequest(PublishAt: api.ManualClock.GetUtcNow().AddMinutes(5).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        // An approval that no longer covers the content, however it came about.
        await using (var db = api.CreateDbContext())
        {
            var stored = await db.Items.FindAsync(item.Id);
            stored!.RecordReview(new Approval(1, "someone", api.ManualClock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        api.ManualClock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, (await api.RunSchedulerAsync()).Cancelled);

        Assert.Equal(EditorialState.Approved, (await ReadAsync(item.Id)).State);
        var log = (await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?itemId={item.Id}&action=workflow.schedule-cancelled", TestJson.Options))!;
        Assert.Contains("not approved", Assert.Single(log.Items).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_workers_racing_over_the_same_due_items_publish_each_exactly_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var item = await ApprovedArticleAsync();
            await Steps.TakeAsync(api.Client, item.Id, "schedule", new WorkflowRequest(PublishAt: api.ManualClock.GetUtcNow().AddMinutes(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            ids.Add(item.Id);
        }

        api.ManualClock.Advance(TimeSpan.FromMinutes(2));
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.RunSchedulerAsync()));

        Assert.Equal(ids.Count, runs.Sum(r => r.Published));
        await using var db = api.CreateDbContext();
        foreach (var id in ids)
        {
            Assert.Equal(1, db.AuditEntries.Count(e => e.ItemId == id && e.Action == "workflow.publish-scheduled"));
            Assert.Equal(EditorialState.Published, db.Items.Single(i => i.Id == id).State);
        }
    }

    private async Task<ItemResponse> ApprovedArticleAsync()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var item = await api.Given.ArticleAsync();
        await Steps.TakeAsync(api.Client, item.Id, "submit");
        return await Steps.TakeAsync(reviewer, item.Id, "approve");
    }

    private async Task<ItemResponse> ReadAsync(Guid id) => (await api.Client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{id}", TestJson.Options))!;
}

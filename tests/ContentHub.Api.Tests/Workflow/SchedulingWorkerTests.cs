using System.Globalization;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Workflow;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Workflow;

/// <summary>The service with its scheduled-publishing worker running for real, on the real clock.</summary>
public sealed class RunningWorkerFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Scheduling:Enabled"] = "true",
        ["Scheduling:Interval"] = "00:00:00.200",
    };
}

public sealed class SchedulingWorkerTests(RunningWorkerFixture api) : IClassFixture<RunningWorkerFixture>
{
    [Fact]
    public async Task The_running_worker_publishes_a_scheduled_item_within_seconds_of_its_time()
    {
        var item = await api.Given.ArticleAsync();
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        await Steps.TakeAsync(api.Client, item.Id, "submit");
        await Steps.TakeAsync(reviewer, item.Id, "approve");
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        await Steps.TakeAsync(api.Client, item.Id, "schedule", new WorkflowRequest(PublishAt: due.ToString("O", CultureInfo.InvariantCulture)));

        // Waits for the event, bounded; how fast it comes is not what is measured here.
        ItemResponse current;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(200);
            current = (await api.Client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{item.Id}", TestJson.Options))!;
        }
        while (current.State == EditorialState.Scheduled && DateTimeOffset.UtcNow < deadline);

        Assert.Equal(EditorialState.Published, current.State);
        Assert.True(current.PublishedAt >= due, $"Published at {current.PublishedAt:O}, due {due:O}");
    }
}

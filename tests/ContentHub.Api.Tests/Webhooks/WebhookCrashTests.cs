using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Webhooks;
using ContentHub.Testing;
using StandardWebhooks;

namespace ContentHub.Api.Tests.Webhooks;

/// <summary>
/// The outbox holds: the service process publishes an item and is killed before it delivers anything;
/// another process on the same database delivers the events, signed.
/// </summary>
public sealed class WebhookCrashTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Events_committed_before_a_kill_are_delivered_by_the_next_process()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var database = await PostgresCluster.CreateDatabaseAsync("webhook-crash");
        Dictionary<string, string?> Environment(bool deliver) => new()
        {
            ["ConnectionStrings__ContentHub"] = database,
            ["Database__MigrateOnStartup"] = "false",
            ["Database__SeedDemoContent"] = "false",
            ["Auth__AdminPassword"] = ApiFactory.AdminPassword,
            ["Scheduling__Enabled"] = "false",
            ["Translation__WorkerEnabled"] = "false",
            ["Webhooks__WorkerEnabled"] = deliver ? "true" : "false",
            ["Webhooks__PollInterval"] = "00:00:00.100",
            ["Webhooks__AllowPrivateAddresses"] = "true",
        };

        string secret;
        Guid itemId;
        await using (var first = ServiceProcess.Start(Environment(deliver: false)))
        {
            using var admin = await SignedInAsync(await first.WaitUntilListeningAsync(StartTimeout), "admin", ApiFactory.AdminPassword);
            var given = new Given(admin);
            var portal = await given.PortalAsync(new PortalRequest("Cổng đối ngoại", Given.Unique("crash"), "https://doingoai.example", [new PortalLanguageRequest("vi")]));
            using var created = await admin.PostAsJsonAsync($"/api/v1/portals/{portal.Id}/webhooks", new WebhookRequest(receiver.Url), TestJson.Options);
            secret = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<WebhookCreatedResponse>(TestJson.Options))!.Secret;
            var unit = await given.OrgUnitAsync();
            (await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest("crash-reviewer", "Người duyệt", Staff.Password, ["Reviewer", "Admin"], unit.Id), TestJson.Options)).EnsureSuccessStatusCode();
            using var reviewer = await SignedInAsync(admin.BaseAddress!, "crash-reviewer", Staff.Password);
            itemId = (await given.ArticleAsync("Tin trước khi sập")).Id;
            await Steps.PublishAsync(admin, reviewer, itemId);

            // Committed, not delivered (this process does not deliver): now it dies without a chance to.
            await first.KillAsync();
        }

        Assert.Empty(receiver.Requests);
        await using var second = ServiceProcess.Start(Environment(deliver: true));
        await second.WaitUntilListeningAsync(StartTimeout);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Requests.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var delivery = Assert.Single(receiver.Requests);
        new StandardWebhook(secret).Verify(delivery.Body, delivery.Headers);
        Assert.Contains(itemId.ToString(), delivery.Body, StringComparison.Ordinal);
        Assert.Contains("content.published", delivery.Body, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(Uri address, string user, string password)
    {
        var client = new HttpClient { BaseAddress = address };
        var (token, _) = await Staff.SignInAsync(client, user, password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

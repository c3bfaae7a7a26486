using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Webhooks;
using ContentHub.Api.Http;
using ContentHub.Domain.People;
using ContentHub.Testing;
using StandardWebhooks;

namespace ContentHub.Api.Tests.Webhooks;

/// <summary>The service with its webhook worker running, fast retries, and loopback receivers allowed.</summary>
public sealed class WebhookFixture : ApiFixture
{
    public WebhookReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:WorkerEnabled"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.100",
        ["Webhooks:MaxRetryDelay"] = "00:00:00.300",
        ["Webhooks:AllowPrivateAddresses"] = "true",
    };

    public override async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>
/// Webhooks through HTTP to a local receiver that fails the first attempts: every event arrives,
/// signed as Standard Webhooks says (checked with the StandardWebhooks package's verifier), in order
/// per item, retried with the same message id, and visible in the delivery log.
/// </summary>
public sealed class WebhookTests(WebhookFixture api) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Changes_reach_the_portal_signed_in_order_after_failed_attempts()
    {
        var portal = await api.Given.PortalAsync(new PortalRequest("Cổng đối ngoại", Given.Unique("hooks"), "https://doingoai.example", [new PortalLanguageRequest("vi"), new PortalLanguageRequest("en")]));
        using var created = await api.Client.PostAsJsonAsync($"/api/v1/portals/{portal.Id}/webhooks", new WebhookRequest(api.Receiver.Url), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscription = (await created.Content.ReadFromJsonAsync<WebhookCreatedResponse>(TestJson.Options))!;
        Assert.StartsWith("whsec_", subscription.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Secret, await api.Client.GetStringAsync($"/api/v1/portals/{portal.Id}/webhooks"), StringComparison.Ordinal);

        // The receiver serves every test of this class: count from here, and only this portal's deliveries.
        var start = api.Receiver.Requests.Count;
        api.Receiver.FailFirst = start + 2;
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var item = await api.Given.ItemAsync(await api.Given.ArticleRequestAsync("Lễ hội Yên Thế"));
        await api.Given.VariantAsync(item.Id, "en", "Yen The festival");
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
        await Steps.TakeAsync(api.Client, item.Id, "unpublish");

        bool Ours(WebhookReceiver.Received r) => r.Body.Contains($"\"{portal.Slug}\"", StringComparison.Ordinal);
        var delivered = (await WaitAsync(() => api.Receiver.Requests.Skip(start).Count(r => r.Status == 200 && Ours(r)) >= 4)).Skip(start).Where(Ours).ToList();
        var webhook = new StandardWebhook(subscription.Secret);
        foreach (var request in delivered)
        {
            webhook.Verify(request.Body, request.Headers); // throws when the signature does not hold
        }

        var events = delivered.Where(r => r.Status == 200).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(events, e => Assert.Equal(item.Id, e.GetProperty("data").GetProperty("itemId").GetGuid()));
        foreach (var language in new[] { "vi", "en" })
        {
            Assert.Equal(["content.published", "content.unpublished"],
                events.Where(e => e.GetProperty("data").GetProperty("language").GetString() == language).Select(e => e.GetProperty("type").GetString()));
        }

        // The failed attempts were retried with the same webhook-id, and the log shows them.
        var failedIds = delivered.Where(r => r.Status == 500).Select(r => r.Headers["webhook-id"].ToString()).ToList();
        Assert.Equal(2, failedIds.Count);
        Assert.All(failedIds, id => Assert.Contains(delivered, r => r.Status == 200 && r.Headers["webhook-id"] == id));
        var log = (await api.Client.GetFromJsonAsync<PagedResponse<DeliveryResponse>>($"/api/v1/portals/{portal.Id}/webhooks/{subscription.Subscription.Id}/deliveries", TestJson.Options))!;
        Assert.Equal(4, log.TotalCount);
        Assert.All(log.Items, d => Assert.Equal(("Delivered", 200), (d.State, d.LastStatus)));
        Assert.Equal(6, log.Items.Sum(d => d.Attempts));

        // The receiver serves the next test too: this subscription goes.
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client.DeleteAsync($"/api/v1/portals/{portal.Id}/webhooks/{subscription.Subscription.Id}")).StatusCode);
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_during_the_overlap()
    {
        var portal = await api.Given.PortalAsync(new PortalRequest("Cổng sở", Given.Unique("rotate"), "https://so.example", [new PortalLanguageRequest("vi")]));
        using var created = await api.Client.PostAsJsonAsync($"/api/v1/portals/{portal.Id}/webhooks", new WebhookRequest(api.Receiver.Url, ["content.published"]), TestJson.Options);
        var subscription = (await created.Content.ReadFromJsonAsync<WebhookCreatedResponse>(TestJson.Options))!;
        using var rotated = await api.Client.PostAsync($"/api/v1/portals/{portal.Id}/webhooks/{subscription.Subscription.Id}/rotate-secret", null);
        var secret = (await rotated.Content.ReadFromJsonAsync<WebhookSecretResponse>(TestJson.Options))!.Secret;
        var before = api.Receiver.Requests.Count;

        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var item = await api.Given.ItemAsync(await api.Given.ArticleRequestAsync("Chợ phiên"));
        await Steps.PublishAsync(api.Client, reviewer, item.Id);

        // The receiver serves every subscription of this class: this one's deliveries name its portal.
        bool Ours(WebhookReceiver.Received r) => r.Status == 200 && r.Body.Contains(item.Id.ToString(), StringComparison.Ordinal) && r.Body.Contains($"\"{portal.Slug}\"", StringComparison.Ordinal);
        var received = (await WaitAsync(() => api.Receiver.Requests.Skip(before).Any(Ours))).Skip(before).First(Ours);
        // Both signatures, checked by the specification's own formula (HMAC-SHA256 over "id.timestamp.body"):
        // the new secret's first, then the previous one's.
        var signatures = received.Headers["webhook-signature"].ToString().Split(' ');
        var signed = System.Text.Encoding.UTF8.GetBytes($"{received.Headers["webhook-id"]}.{received.Headers["webhook-timestamp"]}.{received.Body}");
        string Sign(string whsec) => "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Convert.FromBase64String(whsec["whsec_".Length..]), signed));
        Assert.Equal([Sign(secret), Sign(subscription.Secret)], signatures);
        new StandardWebhook(secret).Verify(received.Body, received.Headers);
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client.DeleteAsync($"/api/v1/portals/{portal.Id}/webhooks/{subscription.Subscription.Id}")).StatusCode);
    }

    private async Task<List<WebhookReceiver.Received>> WaitAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(done(), $"Not delivered in time: {api.Receiver.Requests.Count} requests.");
        return [.. api.Receiver.Requests];
    }
}

/// <summary>Where deliveries may go, decided when a URL is subscribed (and again at every connection).</summary>
public sealed class WebhookTargetTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("ftp://portal.example/hook")]
    [InlineData("https://user:pass@portal.example/hook")]
    [InlineData("not a url")]
    public async Task Inside_addresses_and_other_schemes_are_refused(string url)
    {
        var portal = await api.Given.PortalAsync(new PortalRequest("Cổng", Given.Unique("guard"), "https://portal.example", [new PortalLanguageRequest("vi")]));

        using var response = await api.Client.PostAsJsonAsync($"/api/v1/portals/{portal.Id}/webhooks", new WebhookRequest(url), TestJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void The_address_check_knows_the_special_ranges()
    {
        Assert.False(OutboundGuard.IsPublic(IPAddress.Parse("192.168.1.10")));
        Assert.False(OutboundGuard.IsPublic(IPAddress.Parse("172.20.0.1")));
        Assert.False(OutboundGuard.IsPublic(IPAddress.Parse("100.64.0.1")));
        Assert.False(OutboundGuard.IsPublic(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(OutboundGuard.IsPublic(IPAddress.Parse("fd00::1")));
        Assert.True(OutboundGuard.IsPublic(IPAddress.Parse("203.113.131.1")));
        Assert.True(OutboundGuard.IsPublic(IPAddress.Parse("2001:4860:4860::8888")));
    }
}

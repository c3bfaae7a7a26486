using System.Net;
using System.Net.Http.Json;
using System.Text;
using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Http;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Tests.Portals;

public sealed class PortalRegistryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_admin_registers_a_portal_with_languages_fallbacks_categories_and_kinds()
    {
        var category = await api.Given.CategoryAsync();
        var request = new PortalRequest("Cổng thông tin đối ngoại tỉnh Bắc Giang", Given.Unique("doingoai"), "https://doingoai.bacgiang.gov.vn",
            [new PortalLanguageRequest("lo", ["en", "vi"]), new PortalLanguageRequest("zh-CN", ["en"]), new PortalLanguageRequest("vi")],
            [category.Id], ["Article", "video"]);

        using var created = await api.Client.PostAsJsonAsync("/api/v1/portals", request, TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var portal = (await created.Content.ReadFromJsonAsync<PortalResponse>(TestJson.Options))!;
        Assert.Equal(["lo", "zh-Hans", "vi"], portal.Languages.Select(l => l.Language));
        Assert.Equal(["en", "vi"], portal.Languages[0].Fallbacks);
        Assert.Equal(["Article", "Video"], portal.Kinds);
        Assert.False(portal.AcceptsUnreviewedMachineTranslation);
        Assert.False(portal.IsPublic);

        using var updated = await api.Client.PutAsJsonAsync($"/api/v1/portals/{portal.Id}", request with { IsPublic = true, Kinds = [] }, TestJson.Options);
        var changed = (await updated.Content.ReadFromJsonAsync<PortalResponse>(TestJson.Options))!;
        Assert.True(changed.IsPublic);
        Assert.Empty(changed.Kinds);
        var list = await api.Client.GetFromJsonAsync<PagedResponse<PortalResponse>>("/api/v1/portals?pageSize=100", TestJson.Options);
        Assert.Contains(list!.Items, p => p.Id == portal.Id);

        using var deleted = await api.Client.DeleteAsync($"/api/v1/portals/{portal.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await api.Client.GetAsync($"/api/v1/portals/{portal.Id}");
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("{\"name\":\"P\",\"slug\":\"p-1\",\"baseUrl\":\"javascript:alert(1)\",\"languages\":[{\"language\":\"en\"}]}", "baseUrl")]
    [InlineData("{\"name\":\"P\",\"slug\":\"p-1\",\"baseUrl\":\"https://p.example\",\"languages\":[]}", "languages")]
    [InlineData("{\"name\":\"P\",\"slug\":\"p-1\",\"baseUrl\":\"https://p.example\",\"languages\":[{\"language\":\"fr\"}]}", "languages[0].language")]
    [InlineData("{\"name\":\"P\",\"slug\":\"p-1\",\"baseUrl\":\"https://p.example\",\"languages\":[{\"language\":\"en\",\"fallbacks\":[\"xx\"]}]}", "languages[0].fallbacks")]
    [InlineData("{\"name\":\"P\",\"slug\":\"p-1\",\"baseUrl\":\"https://p.example\",\"languages\":[{\"language\":\"en\"},{\"language\":\"en-GB\"}]}", "languages[1].language")]
    [InlineData("{\"name\":\"P\",\"slug\":\"p-1\",\"baseUrl\":\"https://p.example\",\"languages\":[{\"language\":\"en\"}],\"kinds\":[\"Podcast\"]}", "kinds")]
    [InlineData("{\"name\":\"P\",\"slug\":\"p-1\",\"baseUrl\":\"https://p.example\",\"languages\":[{\"language\":\"en\"}],\"categoryIds\":[\"0b7c0d35-5d5c-4b0e-9a66-3e3f7b1f0c11\"]}", "categoryIds")]
    [InlineData("{\"name\":\" \",\"slug\":\"Not A Slug\",\"baseUrl\":\"https://p.example\",\"languages\":[{\"language\":\"en\"}]}", "slug")]
    public async Task Bad_portal_settings_are_refused_by_field(string json, string field)
    {
        using var response = await api.Client.PostAsync("/api/v1/portals", new StringContent(json, Encoding.UTF8, "application/json"));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task A_key_is_shown_once_stored_as_a_hash_and_identifies_its_portal()
    {
        var portal = await PortalAsync();

        var issued = await IssueAsync(portal.Id, "production server");

        Assert.StartsWith($"chk_{issued.Prefix}_", issued.Key, StringComparison.Ordinal);
        var listed = await api.Client.GetStringAsync($"/api/v1/portals/{portal.Id}/keys");
        Assert.Contains(issued.Prefix, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key, listed, StringComparison.Ordinal);
        await using (var db = api.CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Id == issued.Id);
            Assert.Equal(32, stored.SecretHash.Length);
            // The secret is everything after "chk_<prefix>_" (base64url, which may itself contain '_').
            var secret = issued.Key[$"chk_{issued.Prefix}_".Length..];
            Assert.DoesNotContain(secret, Encoding.ASCII.GetString(stored.SecretHash), StringComparison.Ordinal);
        }

        using var own = await api.ClientWithKey(issued.Key).GetAsync("/api/v1/portal");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(portal.Id, (await own.Content.ReadFromJsonAsync<PortalResponse>(TestJson.Options))!.Id);
        var keys = await api.Client.GetFromJsonAsync<List<ApiKeyResponse>>($"/api/v1/portals/{portal.Id}/keys", TestJson.Options);
        Assert.NotNull(Assert.Single(keys!).LastUsedAt);

        var log = await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?action=portal.key-issued&pageSize=100", TestJson.Options);
        var entry = Assert.Single(log!.Items, e => e.Details == $"key {issued.Prefix}");
        Assert.Equal("admin", entry.Actor);
    }

    [Fact]
    public async Task Keys_rotate_with_two_live_at_once_and_a_revoked_key_stops_at_once()
    {
        var portal = await PortalAsync();
        var first = await IssueAsync(portal.Id, "old");
        var second = await IssueAsync(portal.Id, "new");

        using (var both = await api.ClientWithKey(first.Key).GetAsync("/api/v1/portal"))
        {
            Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        }

        using (var third = await api.Client.PostAsJsonAsync($"/api/v1/portals/{portal.Id}/keys", new ApiKeyRequest("one too many")))
        {
            await ProblemAssert.IsProblemAsync(third, HttpStatusCode.Conflict, "conflict");
        }

        using (var revoked = await api.Client.DeleteAsync($"/api/v1/portals/{portal.Id}/keys/{first.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var old = await api.ClientWithKey(first.Key).GetAsync("/api/v1/portal");
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var current = await api.ClientWithKey(second.Key).GetAsync("/api/v1/portal");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        await IssueAsync(portal.Id, "replacement");
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_stops_working_on_another_without_waiting_for_its_cache()
    {
        var portal = await PortalAsync();
        var key = await IssueAsync(portal.Id, "screen");

        // A second instance on the same database, which has the key in memory once it has served it.
        await using var other = new ApiFactory(api.Factory.ConnectionString);
        using var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.TryAddWithoutValidation(ApiKeyHandler.Header, key.Key);
        using (var served = await otherClient.GetAsync("/api/v1/portal"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        (await api.Client.DeleteAsync($"/api/v1/portals/{portal.Id}/keys/{key.Id}")).Dispose();

        // The NOTIFY reaches the other instance in milliseconds; its cache would otherwise hold the key
        // for a minute. The README promises a second; the poll stops looking after ten.
        var status = HttpStatusCode.OK;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
            using var after = await otherClient.GetAsync("/api/v1/portal");
            status = after.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The other instance refused the revoked key after {clock.Elapsed.TotalMilliseconds:0} ms, not within a second.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("chk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Missing_malformed_and_unknown_keys_get_401(string? key)
    {
        using var client = key is null ? api.Factory.CreateClient() : api.ClientWithKey(key);
        using var response = await client.GetAsync("/api/v1/portal");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
    }

    [Fact]
    public async Task A_guessed_secret_with_a_real_prefix_is_refused()
    {
        var issued = await IssueAsync((await PortalAsync()).Id, null);
        using var response = await api.ClientWithKey($"chk_{issued.Prefix}_{new string('A', 43)}").GetAsync("/api/v1/portal");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var staff = await api.Client.GetAsync("/api/v1/portal");
        Assert.Equal(HttpStatusCode.Unauthorized, staff.StatusCode);
    }

    private Task<PortalResponse> PortalAsync() =>
        api.Given.PortalAsync(new PortalRequest("Màn hình cửa khẩu", Given.Unique("screen"), "https://screen.example", [new PortalLanguageRequest("zh-Hans", ["vi"])]));

    private async Task<IssuedApiKeyResponse> IssueAsync(Guid portalId, string? label)
    {
        using var response = await api.Client.PostAsJsonAsync($"/api/v1/portals/{portalId}/keys", new ApiKeyRequest(label));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IssuedApiKeyResponse>(TestJson.Options))!;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.People;
using ContentHub.Api.Http;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.People;

public sealed class SignInTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Without_a_token_every_editorial_route_answers_401_with_a_bearer_challenge()
    {
        using var response = await api.Anonymous.GetAsync("/api/v1/items");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_signed_in_person_is_who_the_service_says()
    {
        var unit = await api.Given.OrgUnitAsync();
        var (client, name) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["lo", "zh-CN"]);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/v1/me", TestJson.Options);

        Assert.Equal(name, me!.Name);
        Assert.Equal(["Translator"], me.Roles);
        Assert.Equal(unit.Id, me.OrgUnitId);
        Assert.Equal(["lo", "zh-Hans"], me.Languages);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_audited_and_lock_the_account()
    {
        var (_, name) = await Staff.NewAsync(api.Factory, [Role.Editor], (await api.Given.OrgUnitAsync()).Id);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(name, "not-the-password"));
            await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using var locked = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(name, Staff.Password));
        await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.Unauthorized, "unauthorized");

        var log = (await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?actor={name}&action=auth.login-failed", TestJson.Options))!;
        Assert.Equal(6, log.TotalCount);
        Assert.Contains(log.Items, e => e.Details!.Contains("now locked", StringComparison.Ordinal));

        using var unknown = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest("nobody-" + Guid.NewGuid(), "x"));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_until_the_password_changes()
    {
        var (_, name) = await Staff.NewAsync(api.Factory, [Role.Editor], (await api.Given.OrgUnitAsync()).Id);
        var (_, refresh) = await Staff.SignInAsync(api.Anonymous, name, Staff.Password);

        using var refreshed = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new RefreshRequest(refresh));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        var id = (await api.Client.GetFromJsonAsync<PagedResponse<UserResponse>>("/api/v1/users?pageSize=100", TestJson.Options))!.Items.Single(u => u.UserName == name).Id;
        using var reset = await api.Client.PostAsJsonAsync($"/api/v1/users/{id}/password", new ResetPasswordRequest("Brand-new-2026"));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using var afterReset = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new RefreshRequest(refresh));
        await ProblemAssert.IsProblemAsync(afterReset, HttpStatusCode.Unauthorized, "unauthorized");
        using var garbage = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new RefreshRequest("not-a-token"));
        await ProblemAssert.IsProblemAsync(garbage, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Deactivating_a_person_or_changing_their_roles_applies_to_their_very_next_request()
    {
        var unit = await api.Given.OrgUnitAsync();
        var (client, name) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var id = (await api.Client.GetFromJsonAsync<PagedResponse<UserResponse>>("/api/v1/users?pageSize=100", TestJson.Options))!.Items.Single(u => u.UserName == name).Id;
        using (var created = await client.PostAsJsonAsync("/api/v1/items", (await api.Given.ArticleRequestAsync()) with { OrgUnitId = unit.Id }, TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var demoted = await api.Client.PutAsJsonAsync($"/api/v1/users/{id}", new UpdateUserRequest(name, ["Reviewer"], unit.Id)))
        {
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        }

        using (var asReviewer = await client.PostAsJsonAsync("/api/v1/items", (await api.Given.ArticleRequestAsync()) with { OrgUnitId = unit.Id }, TestJson.Options))
        {
            await ProblemAssert.IsProblemAsync(asReviewer, HttpStatusCode.Forbidden, "forbidden");
        }

        using (var deactivated = await api.Client.PutAsJsonAsync($"/api/v1/users/{id}", new UpdateUserRequest(name, ["Reviewer"], unit.Id, Active: false)))
        {
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        }

        using var afterwards = await client.GetAsync("/api/v1/items");
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        var log = (await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?action=user.permissions-changed&pageSize=100", TestJson.Options))!;
        Assert.Contains(log.Items, e => e.Subject == "user:" + name && e.Details!.Contains("roles=Editor", StringComparison.Ordinal) && e.Details.Contains("after: roles=Reviewer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_keep_working_after_a_restart_and_on_another_instance()
    {
        var (client, _) = await Staff.NewAsync(api.Factory, [Role.Editor], (await api.Given.OrgUnitAsync()).Id);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter;

        // A second instance of the service on the same database, as after a restart or behind a load balancer.
        await using var other = new ApiFactory(api.Factory.ConnectionString);
        using var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await otherClient.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

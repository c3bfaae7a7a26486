using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.People;
using ContentHub.Api.Http;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.People;

public sealed class UserAdministrationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_admin_creates_a_translator_who_can_then_sign_in()
    {
        var unit = await api.Given.OrgUnitAsync();
        var name = Given.Unique("bien-dich");
        using var created = await api.Client.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest(name, "Phạm Thu Trang", "Dich-thuat-2026", ["Translator"], unit.Id, ["lo", "zh"], "trang@bacgiang.gov.vn"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = (await created.Content.ReadFromJsonAsync<UserResponse>(TestJson.Options))!;
        Assert.Equal(["Translator"], user.Roles);
        Assert.Equal(["lo", "zh-Hans"], user.TranslatorLanguages);
        Assert.DoesNotContain("password", await created.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var (token, _) = await Staff.SignInAsync(api.Anonymous, name, "Dich-thuat-2026");
        Assert.False(string.IsNullOrEmpty(token));
        var read = await api.Client.GetFromJsonAsync<UserResponse>($"/api/v1/users/{user.Id}", TestJson.Options);
        Assert.Equal(user.UserName, read!.UserName);
    }

    [Fact]
    public async Task Bad_accounts_are_refused_with_the_fields_named()
    {
        var name = Given.Unique("x");
        await ExpectAsync(new CreateUserRequest(name, "X", "Password-2026", ["Editor"]), "orgUnitId");
        await ExpectAsync(new CreateUserRequest(name, "X", "Password-2026", ["Translator"]), "translatorLanguages");
        await ExpectAsync(new CreateUserRequest(name, "X", "Password-2026", ["Spokesperson"]), "roles");
        await ExpectAsync(new CreateUserRequest(name, "X", "Password-2026", []), "roles");
        await ExpectAsync(new CreateUserRequest(name, "X", "short", ["Lead"]), "password");
        await ExpectAsync(new CreateUserRequest(name, "X", "Password-2026", ["Translator"], TranslatorLanguages: ["fr"]), "translatorLanguages");
        await ExpectAsync(new CreateUserRequest("admin", "X", "Password-2026", ["Lead"]), "userName");
        using var unknown = await api.Client.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}", new UpdateUserRequest("X", ["Lead"]));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task People_change_their_own_password()
    {
        var (client, name) = await Staff.NewAsync(api.Factory, [Domain.People.Role.Lead]);

        using var wrong = await client.PostAsJsonAsync("/api/v1/me/password", new ChangePasswordRequest("not-mine", "Another-2026-pass"));
        await ProblemAssert.IsValidationProblemAsync(wrong, "currentPassword");
        using var weak = await client.PostAsJsonAsync("/api/v1/me/password", new ChangePasswordRequest(Staff.Password, "weak"));
        await ProblemAssert.IsValidationProblemAsync(weak, "newPassword");
        using var changed = await client.PostAsJsonAsync("/api/v1/me/password", new ChangePasswordRequest(Staff.Password, "Another-2026-pass"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var (token, _) = await Staff.SignInAsync(api.Anonymous, name, "Another-2026-pass");
        Assert.False(string.IsNullOrEmpty(token));
    }

    private async Task ExpectAsync(CreateUserRequest request, string field)
    {
        using var response = await api.Client.PostAsJsonAsync("/api/v1/users", request);
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }
}

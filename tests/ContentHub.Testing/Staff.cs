using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Api.Features.People;
using ContentHub.Domain.People;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Testing;

/// <summary>Signed-in clients for tests: the administrator, or a new person with the roles a test needs.</summary>
public static class Staff
{
    public const string Password = "Staff-test-2026";

    /// <summary>Signs in and returns the access and refresh tokens.</summary>
    public static async Task<(string AccessToken, string RefreshToken)> SignInAsync(HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(userName, password)).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }

        var tokens = await response.Content.ReadFromJsonAsync<TokenResponse>().ConfigureAwait(false);
        return (tokens!.AccessToken, tokens.RefreshToken);
    }

    public static async Task<HttpClient> ClientAsync(ApiFactory factory, string userName, string password)
    {
        var client = factory.CreateClient();
        var (token, _) = await SignInAsync(client, userName, password).ConfigureAwait(false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a person directly (fast), signs them in, and returns their client and user name.</summary>
    public static async Task<(HttpClient Client, string UserName)> NewAsync(ApiFactory factory, Role[] roles, Guid? orgUnitId = null, string[]? languages = null)
    {
        var userName = Given.Unique(string.Join('-', roles).ToLowerInvariant());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountsBootstrap>();
            await accounts.CreateAsync(userName, userName, Password, roles, orgUnitId, languages ?? []).ConfigureAwait(false);
        }

        return (await ClientAsync(factory, userName, Password).ConfigureAwait(false), userName);
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, long ExpiresIn);
}

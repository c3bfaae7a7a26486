using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.People;

/// <summary>The service configured to accept the province single sign-on's JWTs, beside its own tokens.</summary>
public sealed class ExternalProviderFixture : ApiFixture
{
    public const string Audience = "contenthub";

    public OidcProviderStub Provider { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:External:Authority"] = Provider.Issuer,
        ["Auth:External:Audience"] = Audience,
        // The stub serves plain HTTP on loopback; a real provider is HTTPS, as the default requires.
        ["Auth:External:RequireHttpsMetadata"] = "false",
    };

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class ExternalSignInTests(ExternalProviderFixture api) : IClassFixture<ExternalProviderFixture>
{
    [Fact]
    public async Task A_token_of_the_provider_signs_in_with_its_roles_and_unit_mapped()
    {
        var unit = await api.Given.OrgUnitAsync();
        using var client = ClientWith(api.Provider.IssueToken(ExternalProviderFixture.Audience,
            [new Claim("sub", "42"), new Claim("preferred_username", "hoa.nt"), new Claim("roles", "editor"), new Claim("roles", "unknown-role"), new Claim("org_unit", unit.Code)]));

        var me = await client.GetFromJsonAsync<MeResponse>("/api/v1/me", TestJson.Options);
        Assert.Equal("ext:hoa.nt", me!.Name);
        Assert.Equal(["Editor"], me.Roles);
        Assert.Equal(unit.Id, me.OrgUnitId);

        using var created = await client.PostAsJsonAsync("/api/v1/items", (await api.Given.ArticleRequestAsync()) with { OrgUnitId = unit.Id }, TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("ext:hoa.nt", (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!.CreatedBy);

        // The service's own tokens keep working beside the provider's.
        using var own = await api.Client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Forged_expired_and_misdirected_tokens_are_refused()
    {
        using var forger = RSA.Create(2048);
        Claim[] claims = [new Claim("preferred_username", "mallory"), new Claim("roles", "Admin")];
        string[] tokens =
        [
            api.Provider.IssueToken(ExternalProviderFixture.Audience, claims, signingKey: forger),
            api.Provider.IssueToken(ExternalProviderFixture.Audience, claims, lifetime: TimeSpan.FromMinutes(-30)),
            api.Provider.IssueToken("another-service", claims),
        ];

        foreach (var token in tokens)
        {
            using var client = ClientWith(token);
            using var response = await client.GetAsync("/api/v1/users");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private HttpClient ClientWith(string token)
    {
        var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

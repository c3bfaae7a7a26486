using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContentHub.Testing;

/// <summary>
/// A province single sign-on for tests: a real HTTP server on loopback publishing an OpenID Connect
/// discovery document and its signing key, and issuing JWTs signed with that key.
/// </summary>
public sealed class OidcProviderStub : IAsyncDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];

    private readonly RSA _key = RSA.Create(2048);
    private WebApplication? _app;

    public string Issuer { get; private set; } = string.Empty;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        }));
        _app.MapGet("/jwks", () =>
        {
            var parameters = _key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } });
        });
        await _app.StartAsync().ConfigureAwait(false);
        Issuer = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A token as the provider would issue it; <paramref name="signingKey"/> replaces the provider's key to forge one.</summary>
    public string IssueToken(string audience, IEnumerable<Claim> claims, TimeSpan? lifetime = null, RSA? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? _key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _key.Dispose();
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using ContentHub.Data;
using ContentHub.Domain.Portals;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// Portals authenticate with their key in the <c>X-Api-Key</c> header. The key's prefix finds it among
/// the live keys (held by <see cref="PortalDirectory"/>); the secret is compared with the stored hash in
/// constant time; revoked keys are not among them. The time of last use is recorded at most once a minute.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PortalDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string PortalClaim = "contenthub:portal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKey.TryParse(presented.ToString(), out var prefix, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var key = await directory.KeyAsync(prefix, Context.RequestAborted).ConfigureAwait(false);
        if (key is null || !key.IsActive || !key.Matches(secret))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        await directory.RecordUseAsync(key, Context.RequestServices.GetRequiredService<ContentHubDbContext>(), Context.RequestAborted).ConfigureAwait(false);
        var identity = new ClaimsIdentity([new Claim(PortalClaim, key.PortalId.ToString()), new Claim(ClaimTypes.Name, "portal-key:" + key.Prefix)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        return Task.CompletedTask;
    }
}

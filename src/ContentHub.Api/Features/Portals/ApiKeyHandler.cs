using System.Security.Claims;
using System.Text.Encodings.Web;
using ContentHub.Data;
using ContentHub.Domain.Portals;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// Portals authenticate with their key in the <c>X-Api-Key</c> header. The key's prefix finds it; the
/// secret is compared with the stored hash in constant time; revoked keys fail. The time of last use
/// is recorded at most once a minute, so reading does not turn into a write per request.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string PortalClaim = "contenthub:portal";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

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

        var db = Context.RequestServices.GetRequiredService<ContentHubDbContext>();
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted).ConfigureAwait(false);
        if (key is null || !key.IsActive || !key.Matches(secret))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted).ConfigureAwait(false);
        }

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

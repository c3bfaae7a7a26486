using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.People;

/// <summary>
/// Our own bearer tokens: the framework's token handler checks that the token is genuine and unexpired,
/// then this handler checks that it still stands for an active account with an unchanged security
/// stamp. A token that does not is a failed authentication (401), not a forbidden request.
/// </summary>
public sealed class StaffTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(AuthSchemes.Token).ConfigureAwait(false);
        if (!token.Succeeded)
        {
            return token;
        }

        var principal = await Context.RequestServices.GetRequiredService<StaffPrincipals>().FromOwnTokenAsync(token.Principal).ConfigureAwait(false);
        return principal is null
            ? AuthenticateResult.Fail("The account is inactive, locked or changed since this token was issued; sign in again.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, token.Properties, Scheme.Name));
    }
}

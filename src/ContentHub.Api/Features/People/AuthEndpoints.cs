using System.Security.Claims;
using ContentHub.Api.Features.Audit;
using ContentHub.Api.Http;
using ContentHub.Data.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.People;

/// <summary>Signing in for a bearer token, and refreshing it.</summary>
public static class AuthEndpoints
{
    private const string WrongCredentials = "The user name or password is wrong, or the account is locked or inactive.";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/v1/auth").WithTags("Sign-in").AllowAnonymous();
        auth.MapPost("/token", SignIn).WithName("SignIn").WithSummary("Signs in with user name and password for a bearer token.")
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Exchanges a refresh token for a new access token.")
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    /// <summary>
    /// Signs in. Answers the access token (send it as "Authorization: Bearer …"), its lifetime in
    /// seconds and a refresh token. Repeated failures lock the account; every failure is audited.
    /// </summary>
    [ChecksItsOwnText]
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignIn(
        TokenRequest request, UserManager<AppUser> users, SignInCounter counter, AuditLog audit, CancellationToken cancellationToken)
    {
        // Refused input is a failed sign-in too, and audited as one (the log stores what it can of the name).
        if (Refused(request) is { } errors)
        {
            await audit.WriteAsync("auth.login-failed", request.UserName ?? string.Empty, details: "refused input: " + string.Join(", ", errors.Keys), cancellationToken: cancellationToken);
            return Problems.Validation(errors);
        }

        var user = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName.Trim());
        if (user is null || !user.Active || await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync("auth.login-failed", request.UserName ?? string.Empty, details: user is null ? "unknown user" : "locked or inactive", cancellationToken: cancellationToken);
            return Unauthorized();
        }

        if (!await users.CheckPasswordAsync(user, request.Password ?? string.Empty))
        {
            var locked = await counter.FailedAsync(user.Id, cancellationToken);
            await audit.WriteAsync("auth.login-failed", user.UserName!, details: locked ? "wrong password; account now locked" : "wrong password", cancellationToken: cancellationToken);
            return Unauthorized();
        }

        await counter.SucceededAsync(user.Id, cancellationToken);
        return TypedResults.SignIn(Principal(user), authenticationScheme: AuthSchemes.Token);
    }

    /// <summary>Exchanges a refresh token for new tokens, as long as the account is still active and unchanged.</summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, UserManager<AppUser> users, IOptionsMonitor<BearerTokenOptions> tokenOptions, TimeProvider clock)
    {
        var ticket = tokenOptions.Get(AuthSchemes.Token).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || ticket.Principal.FindFirstValue(StaffClaims.UserId) is not { } userId
            || await users.FindByIdAsync(userId) is not { Active: true } user
            || user.SecurityStamp != ticket.Principal.FindFirstValue(StaffClaims.SecurityStamp)
            || await users.IsLockedOutAsync(user))
        {
            return Unauthorized();
        }

        return TypedResults.SignIn(Principal(user), authenticationScheme: AuthSchemes.Token);
    }

    private static Dictionary<string, string[]>? Refused(TokenRequest request)
    {
        var errors = new FieldErrors();
        TextInput.Check(request, string.Empty, errors);
        errors.Require(request.UserName is not { Length: > AppUser.MaxUserNameLength }, "userName", $"At most {AppUser.MaxUserNameLength} characters.");
        errors.Require(request.Password is not { Length: > AppUser.MaxPasswordLength }, "password", $"At most {AppUser.MaxPasswordLength} characters.");
        return errors.Any ? errors.ToDictionary() : null;
    }

    // Only who the person is goes in the token; roles are read afresh on every request.
    private static ClaimsPrincipal Principal(AppUser user) => new(new ClaimsIdentity(
        [new Claim(StaffClaims.UserId, user.Id.ToString()), new Claim(ClaimTypes.Name, user.UserName!), new Claim(StaffClaims.SecurityStamp, user.SecurityStamp ?? string.Empty)],
        AuthSchemes.Token));

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: WrongCredentials, type: ProblemTypes.Unauthorized);
}

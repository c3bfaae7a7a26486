using System.Security.Claims;
using ContentHub.Api.Http;
using ContentHub.Domain.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Features.People;

/// <summary>People administration (admins), and the caller's own account.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/v1/users").WithTags("People").RequireAuthorization(Policies.Admins);
        users.MapGet("/", ListUsers).WithName("ListUsers").WithSummary("Lists people by user name, paged.").ProducesListProblems();
        users.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Creates a person with roles, unit and languages.").ProducesCreateProblems();
        users.MapGet("/{id}", GetUser).WithName("GetUser").WithSummary("Reads a person.").ProducesReadProblems();
        users.MapPut("/{id}", UpdateUser).WithName("UpdateUser").WithSummary("Replaces a person's details, roles, unit and languages.").ProducesChangeProblems();
        users.MapPost("/{id}/password", ResetPassword).WithName("ResetPassword").WithSummary("Sets a new password and ends the person's sessions.").ProducesChangeProblems();

        var me = routes.MapGroup("/api/v1/me").WithTags("People").RequireAuthorization(Policies.Staff);
        me.MapGet("/", GetMe).WithName("GetMe").WithSummary("Who the caller is: name, roles, unit, languages.");
        me.MapPost("/password", ChangeMyPassword).WithName("ChangeMyPassword").WithSummary("Changes the caller's own password.").ProducesChangeProblems();
        return routes;
    }

    /// <summary>Lists people.</summary>
    public static async Task<Results<Ok<PagedResponse<UserResponse>>, ProblemHttpResult>> ListUsers(int? page, int? pageSize, UserService users, CancellationToken cancellationToken) =>
        (await users.ListAsync(page, pageSize, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Creates a person. Editors and reviewers need a unit, translators their languages.</summary>
    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateUser(CreateUserRequest request, UserService users, CancellationToken cancellationToken) =>
        (await users.CreateAsync(request, cancellationToken)).ToResult(user => TypedResults.Created($"/api/v1/users/{user.Id}", user));

    /// <summary>Reads a person.</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        await users.FindAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : Problems.NotFound($"User {id}");

    /// <summary>Replaces a person's details and permissions; the change applies to their next request.</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateUser(Guid id, UpdateUserRequest request, UserService users, CancellationToken cancellationToken) =>
        (await users.UpdateAsync(id, request, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Sets a new password for a person, unlocks the account and ends their sessions.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPassword(Guid id, ResetPasswordRequest request, UserService users, CancellationToken cancellationToken) =>
        (await users.ResetPasswordAsync(id, request.NewPassword, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    /// <summary>Who the caller is.</summary>
    public static Ok<MeResponse> GetMe(CurrentUser user) =>
        TypedResults.Ok(new MeResponse(user.Name, user.Roles.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList(), user.OrgUnitId,
            user.Languages.Select(l => l.Code).Order(StringComparer.Ordinal).ToList()));

    /// <summary>Changes the caller's own password (accounts of ContentHub only, not of the external provider).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeMyPassword(ChangePasswordRequest request, ClaimsPrincipal principal, UserService users, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(StaffClaims.UserId), out var id))
        {
            return Problems.Forbidden("Accounts of the external sign-in provider change their password there.");
        }

        return (await users.ChangeOwnPasswordAsync(id, request, cancellationToken)).ToResult(_ => TypedResults.NoContent());
    }
}

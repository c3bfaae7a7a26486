using ContentHub.Data.Identity;

namespace ContentHub.Api.Features.People;

/// <summary>A person as administrators see them. Passwords and security stamps are never returned.</summary>
/// <param name="Id">Their id.</param>
/// <param name="UserName">The name they sign in with.</param>
/// <param name="DisplayName">Their full name.</param>
/// <param name="Email">Their e-mail address.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="OrgUnitId">Their organisation unit.</param>
/// <param name="TranslatorLanguages">The languages they translate into.</param>
/// <param name="Active">False when they may not sign in.</param>
/// <param name="ProofreadLanguages">The languages whose translations they may approve as a proofreader.</param>
/// <param name="LockedOutUntil">Set while the account is locked after failed sign-ins.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record UserResponse(Guid Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, Guid? OrgUnitId,
    IReadOnlyList<string> TranslatorLanguages, bool Active, DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt, IReadOnlyList<string> ProofreadLanguages)
{
    public static UserResponse From(AppUser user, IEnumerable<string> roles, DateTimeOffset now) => new(
        user.Id, user.UserName!, user.DisplayName, user.Email, roles.Order(StringComparer.Ordinal).ToList(), user.OrgUnitId,
        user.TranslatorLanguages, user.Active, user.LockoutEnd > now ? user.LockoutEnd : null, user.CreatedAt, user.ProofreadLanguages);
}

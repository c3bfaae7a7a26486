using ContentHub.Api.Features.Audit;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Data.Identity;
using ContentHub.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.People;

/// <summary>Administration of people: their roles, unit and languages. Every change of permissions is audited.</summary>
public sealed class UserService(UserManager<AppUser> users, ContentHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<PagedResponse<UserResponse>>> ListAsync(int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (p, size) = PageRequest.Check(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<UserResponse>>();
        }

        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToPageAsync(p, size, u => u, cancellationToken).ConfigureAwait(false);
        var roles = await RolesOfAsync(rows.Items.Select(u => u.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return new PagedResponse<UserResponse>(rows.Items.Select(u => UserResponse.From(u, roles[u.Id], clock.GetUtcNow())).ToList(), rows.Page, rows.PageSize, rows.TotalCount);
    }

    public async Task<UserResponse?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        return user is null ? null : UserResponse.From(user, (await RolesOfAsync([id], cancellationToken).ConfigureAwait(false))[id], clock.GetUtcNow());
    }

    public async Task<Outcome<UserResponse>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var roles = await CheckAsync(request.Roles, request.OrgUnitId, request.TranslatorLanguages, errors, cancellationToken).ConfigureAwait(false);
        CheckProofreading(request.ProofreadLanguages, request.TranslatorLanguages, errors);
        errors.Require(!string.IsNullOrWhiteSpace(request.DisplayName) && request.DisplayName.Length <= 200, "displayName", "A name of 1 to 200 characters.");
        if (errors.Any)
        {
            return errors.ToOutcome<UserResponse>();
        }

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = request.UserName?.Trim(),
            DisplayName = request.DisplayName.Trim(),
            Email = request.Email,
            OrgUnitId = request.OrgUnitId,
            TranslatorLanguages = Languages(request.TranslatorLanguages),
            ProofreadLanguages = Languages(request.ProofreadLanguages),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password ?? string.Empty).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Refused<UserResponse>(created);
        }

        await users.AddToRolesAsync(user, roles).ConfigureAwait(false);
        audit.Add("user.created", subject: Subject(user), details: Describe(roles, user));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserResponse.From(user, roles, clock.GetUtcNow());
    }

    public async Task<Outcome<UserResponse>> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<UserResponse>.NotFound($"User {id}");
        }

        var errors = new FieldErrors();
        var roles = await CheckAsync(request.Roles, request.OrgUnitId, request.TranslatorLanguages, errors, cancellationToken).ConfigureAwait(false);
        CheckProofreading(request.ProofreadLanguages, request.TranslatorLanguages, errors);
        errors.Require(!string.IsNullOrWhiteSpace(request.DisplayName) && request.DisplayName.Length <= 200, "displayName", "A name of 1 to 200 characters.");
        if (errors.Any)
        {
            return errors.ToOutcome<UserResponse>();
        }

        var before = Describe(await users.GetRolesAsync(user).ConfigureAwait(false), user) + (user.Active ? string.Empty : " inactive");
        user.DisplayName = request.DisplayName.Trim();
        user.Email = request.Email;
        user.OrgUnitId = request.OrgUnitId;
        user.TranslatorLanguages = Languages(request.TranslatorLanguages);
        user.ProofreadLanguages = Languages(request.ProofreadLanguages);
        user.Active = request.Active;
        var updated = await users.UpdateAsync(user).ConfigureAwait(false);
        if (!updated.Succeeded)
        {
            return Refused<UserResponse>(updated);
        }

        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        await users.RemoveFromRolesAsync(user, current.Except(roles)).ConfigureAwait(false);
        await users.AddToRolesAsync(user, roles.Except(current)).ConfigureAwait(false);
        var after = Describe(roles, user) + (user.Active ? string.Empty : " inactive");
        audit.Add("user.permissions-changed", subject: Subject(user), details: $"before: {before}; after: {after}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserResponse.From(user, roles, clock.GetUtcNow());
    }

    public async Task<Outcome<bool>> ResetPasswordAsync(Guid id, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<bool>.NotFound($"User {id}");
        }

        var errors = new FieldErrors();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, newPassword ?? string.Empty).ConfigureAwait(false);
            foreach (var error in result.Errors)
            {
                errors.Add("newPassword", error.Description);
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<bool>();
        }

        await users.RemovePasswordAsync(user).ConfigureAwait(false);
        await users.AddPasswordAsync(user, newPassword!).ConfigureAwait(false);
        // A new stamp ends every token issued under the old password.
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        audit.Add("user.password-reset", subject: Subject(user));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<Outcome<bool>> ChangeOwnPasswordAsync(Guid id, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<bool>.NotFound("Your account");
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword ?? string.Empty, request.NewPassword ?? string.Empty).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            return Refused<bool>(changed, passwordField: "newPassword");
        }

        audit.Add("user.password-changed", subject: Subject(user));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<List<string>> CheckAsync(IReadOnlyList<string>? roles, Guid? unitId, IReadOnlyList<string>? languages, FieldErrors errors, CancellationToken cancellationToken)
    {
        var parsed = new List<Role>();
        foreach (var role in roles ?? [])
        {
            if (errors.Require(Enum.TryParse<Role>(role, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(role, out _), "roles", $"'{role}' is not a role. Roles: {string.Join(", ", Enum.GetNames<Role>())}."))
            {
                parsed.Add(value);
            }
        }

        errors.Require(parsed.Count > 0, "roles", "At least one role.");
        errors.Require(unitId is not null || !parsed.Any(r => r is Role.Editor or Role.Reviewer), "orgUnitId", "Editors and reviewers belong to an organisation unit.");
        if (unitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("orgUnitId", $"There is no organisation unit {unit}.");
        }

        foreach (var language in languages ?? [])
        {
            LanguageInput.TryParse(language, "translatorLanguages", errors, out _);
        }

        errors.Require(!parsed.Contains(Role.Translator) || (languages?.Count ?? 0) > 0, "translatorLanguages", "A translator needs at least one language.");
        return parsed.Distinct().Select(r => r.ToString()).ToList();
    }

    private async Task<Dictionary<Guid, List<string>>> RolesOfAsync(List<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return userIds.ToDictionary(id => id, id => pairs.Where(p => p.UserId == id).Select(p => p.Name!).ToList());
    }

    // A proofreader approves only languages they translate.
    private static void CheckProofreading(IReadOnlyList<string>? proofread, IReadOnlyList<string>? translates, FieldErrors errors)
    {
        foreach (var language in proofread ?? [])
        {
            if (LanguageInput.TryParse(language, "proofreadLanguages", errors, out var tag))
            {
                errors.Require((translates ?? []).Any(t => Domain.Languages.LanguageTag.TryParse(t, out var own) && own == tag), "proofreadLanguages",
                    $"{tag} is not among the person's translator languages.");
            }
        }
    }

    private static List<string> Languages(IReadOnlyList<string>? languages) =>
        (languages ?? []).Select(l => Domain.Languages.LanguageTag.Parse(l).Code).Distinct().ToList();

    private static string Subject(AppUser user) => "user:" + user.UserName;

    private static string Describe(IEnumerable<string> roles, AppUser user) =>
        $"roles={string.Join(",", roles.Order(StringComparer.Ordinal))} unit={user.OrgUnitId} languages={string.Join(",", user.TranslatorLanguages)} proofreads={string.Join(",", user.ProofreadLanguages)}";

    private static Outcome<T> Refused<T>(IdentityResult result, string passwordField = "password")
    {
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                "PasswordMismatch" => "currentPassword",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ when error.Code.Contains("Email", StringComparison.Ordinal) => "email",
                _ => "userName",
            };
            errors.Add(field, error.Description);
        }

        return errors.ToOutcome<T>();
    }
}

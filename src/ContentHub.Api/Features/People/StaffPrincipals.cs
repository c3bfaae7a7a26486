using System.Security.Claims;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Data.Identity;
using ContentHub.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.People;

/// <summary>
/// Turns a validated token into the person as they are now. Our own tokens carry only the user id
/// and security stamp: roles, unit and languages are read from the database on every request, so a
/// deactivated account, a password reset or a change of roles takes effect at once, on every
/// instance. Tokens of the external provider carry their own roles, mapped by name.
/// Null means the token no longer stands for anyone allowed in.
/// </summary>
public sealed class StaffPrincipals(ContentHubDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task<ClaimsPrincipal?> FromOwnTokenAsync(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(StaffClaims.UserId), out var userId))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId).ConfigureAwait(false);
        if (user is null || !user.Active || user.SecurityStamp != principal.FindFirstValue(StaffClaims.SecurityStamp)
            || user.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync().ConfigureAwait(false);
        return Build(AuthSchemes.Local, user.UserName!, roles, user.OrgUnitId, user.TranslatorLanguages, userId, user.ProofreadLanguages);
    }

    public async Task<ClaimsPrincipal?> FromExternalTokenAsync(ClaimsPrincipal principal)
    {
        var external = options.Value.External;
        var name = principal.FindFirstValue(external.NameClaim) ?? principal.FindFirstValue("sub");
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var roles = principal.FindAll(external.RoleClaim).Select(c => c.Value)
            .Where(value => Enum.TryParse<Role>(value, ignoreCase: true, out _)).ToList();
        Guid? unitId = null;
        if (principal.FindFirstValue(external.OrgUnitClaim) is { Length: > 0 } unitCode)
        {
            unitId = await db.OrgUnits.Where(u => u.Code == unitCode).Select(u => (Guid?)u.Id).SingleOrDefaultAsync().ConfigureAwait(false);
        }

        var languages = principal.FindAll(external.LanguageClaim).Select(c => c.Value).ToList();
        return Build(AuthSchemes.External, "ext:" + name, roles, unitId, languages, userId: null);
    }

    private static ClaimsPrincipal Build(string scheme, string name, IEnumerable<string> roles, Guid? unitId, IEnumerable<string> languages, Guid? userId, IEnumerable<string>? proofreads = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(StaffClaims.Resolved, "1") };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, Enum.Parse<Role>(role, ignoreCase: true).ToString())));
        claims.AddRange(languages.Select(language => new Claim(StaffClaims.Language, language)));
        claims.AddRange((proofreads ?? []).Select(language => new Claim(StaffClaims.Proofread, language)));
        if (unitId is { } unit)
        {
            claims.Add(new Claim(StaffClaims.OrgUnit, unit.ToString()));
        }

        if (userId is { } id)
        {
            claims.Add(new Claim(StaffClaims.UserId, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

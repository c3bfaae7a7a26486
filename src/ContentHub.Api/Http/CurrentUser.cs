using System.Security.Claims;
using ContentHub.Domain.Languages;
using ContentHub.Domain.People;

namespace ContentHub.Api.Http;

/// <summary>The person making the request, as the feature services need to know them.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal? _system;

    private ClaimsPrincipal Principal => _system ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>For work the service does on its own (loading demo content): act as an administrator named <paramref name="name"/>.</summary>
    public void ActAsSystem(string name) =>
        _system = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, nameof(Role.Admin))], "system"));

    public string Name => Actor.Of(Principal);

    public IReadOnlySet<Role> Roles =>
        Enum.GetValues<Role>().Where(role => Principal.IsInRole(role.ToString())).ToHashSet();

    public Guid? OrgUnitId => Guid.TryParse(Principal.FindFirstValue(StaffClaims.OrgUnit), out var unit) ? unit : null;

    public IReadOnlySet<LanguageTag> Languages =>
        Principal.FindAll(StaffClaims.Language).Select(c => LanguageTag.TryParse(c.Value, out var tag) ? tag : (LanguageTag?)null).OfType<LanguageTag>().ToHashSet();

    /// <summary>The languages whose translations this translator may approve as a proofreader.</summary>
    public IReadOnlySet<LanguageTag> ProofreadLanguages =>
        Principal.FindAll(StaffClaims.Proofread).Select(c => LanguageTag.TryParse(c.Value, out var tag) ? tag : (LanguageTag?)null).OfType<LanguageTag>().ToHashSet();

    /// <summary>True for a translator allowed to approve translations into <paramref name="language"/> (not the source language).</summary>
    public bool Proofreads(LanguageTag language) => Has(Role.Translator) && ProofreadLanguages.Contains(language) && Languages.Contains(language);

    /// <summary>The caller's address, for the audit log.</summary>
    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool Has(Role role) => Principal.IsInRole(role.ToString());

    /// <summary>Admins act on every unit; everyone else on their own unit's content.</summary>
    public bool WorksFor(Guid orgUnitId) => Has(Role.Admin) || OrgUnitId == orgUnitId;
}

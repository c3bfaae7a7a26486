using ContentHub.Domain.People;
using Microsoft.AspNetCore.Authorization;

namespace ContentHub.Api.Http;

/// <summary>
/// The authorization policies routes declare. They decide by role; whether a person may act on a
/// particular item (their unit, their languages) is decided by the feature services, which answer 403.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in with a role: may read editorial content.</summary>
    public const string Staff = "staff";

    /// <summary>Editors (and admins): create, change and delete items.</summary>
    public const string Editors = "editors";

    /// <summary>Editors and translators (and admins): write language variants.</summary>
    public const string Writers = "writers";

    /// <summary>Admins and leads: read the audit log.</summary>
    public const string AuditReaders = "audit-readers";

    /// <summary>Portals, by their API key.</summary>
    public const string Portals = "portals";

    /// <summary>Admins only: people, units, categories.</summary>
    public const string Admins = "admins";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy.RequireRole(Enum.GetNames<Role>()));
        options.AddPolicy(Editors, policy => policy.RequireRole(nameof(Role.Admin), nameof(Role.Editor)));
        options.AddPolicy(Writers, policy => policy.RequireRole(nameof(Role.Admin), nameof(Role.Editor), nameof(Role.Translator)));
        options.AddPolicy(AuditReaders, policy => policy.RequireRole(nameof(Role.Admin), nameof(Role.Lead)));
        options.AddPolicy(Admins, policy => policy.RequireRole(nameof(Role.Admin)));
        options.AddPolicy(Portals, policy => policy.RequireClaim("contenthub:portal"));
        // Nothing is open by accident: a route without its own policy needs a signed-in staff member.
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}

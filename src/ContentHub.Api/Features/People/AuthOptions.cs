using System.ComponentModel.DataAnnotations;

namespace ContentHub.Api.Features.People;

/// <summary>Sign-in settings, from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>How long an access token works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a refresh token works.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The administrator created on first start, when there are no users yet.</summary>
    public string AdminUserName { get; set; } = "admin";

    /// <summary>Its password (from the environment: Auth__AdminPassword). When unset, one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>An external OpenID Connect provider whose JWTs are accepted too (the province's single sign-on).</summary>
    public ExternalProviderOptions External { get; set; } = new();
}

/// <summary>The external OpenID Connect provider; used only when Authority and Audience are both set.</summary>
public sealed class ExternalProviderOptions
{
    /// <summary>The issuer, for example https://sso.bacgiang.gov.vn/realms/province.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim holding role names (mapped to ContentHub roles by name).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim holding the code of the person's organisation unit.</summary>
    public string OrgUnitClaim { get; set; } = "org_unit";

    /// <summary>The claim holding a translator's languages.</summary>
    public string LanguageClaim { get; set; } = "languages";

    /// <summary>The claim holding the person's name, recorded as the actor.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>False only for a test provider served over plain HTTP on this machine.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(Audience);
}

namespace ContentHub.Api.Http;

/// <summary>Claim types ContentHub puts on a signed-in person.</summary>
public static class StaffClaims
{
    public const string UserId = "sub";
    public const string SecurityStamp = "contenthub:stamp";
    public const string OrgUnit = "contenthub:org_unit";
    public const string Language = "contenthub:language";
    public const string Proofread = "contenthub:proofread";
    public const string Resolved = "contenthub:resolved";
}

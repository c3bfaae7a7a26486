namespace ContentHub.Api.Features.People;

/// <summary>The authentication schemes: one entry point that forwards to our own tokens or to the external provider's.</summary>
public static class AuthSchemes
{
    public const string Default = "Bearer";
    public const string Local = "ContentHub";
    public const string External = "External";
}

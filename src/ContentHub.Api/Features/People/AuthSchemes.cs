namespace ContentHub.Api.Features.People;

/// <summary>The authentication schemes: one entry point that forwards to our own tokens or to the external provider's.</summary>
public static class AuthSchemes
{
    public const string Default = "Bearer";
    /// <summary>Our own tokens, checked against the account on every request.</summary>
    public const string Local = "ContentHub";

    /// <summary>The framework's bearer-token handler, which issues our tokens and checks that they are genuine.</summary>
    public const string Token = "ContentHubToken";
    public const string External = "External";
}

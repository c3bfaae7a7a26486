namespace ContentHub.Api.Features.People;

/// <summary>A refresh token, exchanged for a new access token.</summary>
/// <param name="RefreshToken">The refresh token from an earlier sign-in or refresh.</param>
public sealed record RefreshRequest(string RefreshToken);

namespace ContentHub.Api.Features.People;

/// <summary>A sign-in with user name and password.</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record TokenRequest(string UserName, string Password);

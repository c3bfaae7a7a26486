namespace ContentHub.Api.Features.People;

/// <summary>Who the caller is, as ContentHub sees them.</summary>
/// <param name="Name">The name recorded as the actor of their changes.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="OrgUnitId">Their organisation unit.</param>
/// <param name="Languages">The languages they translate into.</param>
public sealed record MeResponse(string Name, IReadOnlyList<string> Roles, Guid? OrgUnitId, IReadOnlyList<string> Languages);

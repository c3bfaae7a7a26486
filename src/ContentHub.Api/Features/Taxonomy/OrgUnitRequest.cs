using ContentHub.Domain.Taxonomy;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>An organisation unit as an administrator creates or replaces it.</summary>
/// <param name="Code">A stable code such as "so-ngoai-vu": lower-case letters, digits and hyphens, unique.</param>
/// <param name="Type">Department, District, PressAgency, PartyCommittee, BorderGuard or Other.</param>
/// <param name="Names">The name per language, for example {"vi": "Sở Ngoại vụ", "en": "Department of Foreign Affairs"}.</param>
public sealed record OrgUnitRequest(string Code, OrgUnitType Type, IReadOnlyDictionary<string, string> Names);

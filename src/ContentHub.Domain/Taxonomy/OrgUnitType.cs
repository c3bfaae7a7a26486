namespace ContentHub.Domain.Taxonomy;

/// <summary>The kinds of body that own content in a province.</summary>
public enum OrgUnitType
{
    Department,
    District,
    PressAgency,
    PartyCommittee,
    BorderGuard,
    Other,
}

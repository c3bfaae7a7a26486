using ContentHub.Domain.Taxonomy;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>An organisation unit.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="Code">Its stable code.</param>
/// <param name="Type">What kind of body it is.</param>
/// <param name="Names">Its name per language.</param>
public sealed record OrgUnitResponse(Guid Id, string Code, OrgUnitType Type, IReadOnlyDictionary<string, string> Names)
{
    public static OrgUnitResponse From(OrgUnit unit) => new(unit.Id, unit.Code, unit.Type, NamesInput.ToResponse(unit.Names));
}

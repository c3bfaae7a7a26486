using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Taxonomy;

/// <summary>A province department, district or press agency that owns content.</summary>
public sealed class OrgUnit
{
    private readonly List<LocalizedName> _names = [];

    private OrgUnit()
    {
    }

    public OrgUnit(Guid id, string code, OrgUnitType type, IReadOnlyDictionary<LanguageTag, string> names)
    {
        Id = id;
        Update(code, type, names);
    }

    public Guid Id { get; private set; }

    /// <summary>A short stable code such as <c>so-ngoai-vu</c>.</summary>
    public string Code { get; private set; } = string.Empty;

    public OrgUnitType Type { get; private set; }

    public IReadOnlyList<LocalizedName> Names => _names;

    public void Update(string code, OrgUnitType type, IReadOnlyDictionary<LanguageTag, string> names)
    {
        Code = code;
        Type = type;
        LocalizedNames.Assign(_names, names);
    }
}

using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Taxonomy;

/// <summary>A name in one language, as categories and organisation units carry one per language.</summary>
public sealed class LocalizedName
{
    public const int MaxLength = 200;

    private LocalizedName()
    {
    }

    public LocalizedName(LanguageTag language, string name)
    {
        Language = language;
        Name = name;
    }

    public LanguageTag Language { get; private set; }

    public string Name { get; private set; } = string.Empty;

    internal void Rename(string name) => Name = name;
}

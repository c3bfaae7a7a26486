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

/// <summary>Reading a name in the language wanted.</summary>
public static class LocalizedNameLookup
{
    /// <summary>The name in the first of <paramref name="preferred"/> that has one, else in any language; null when there are none.</summary>
    public static string? In(this IReadOnlyList<LocalizedName> names, params LanguageTag[] preferred) =>
        preferred.Select(language => names.FirstOrDefault(n => n.Language == language)).FirstOrDefault(n => n is not null)?.Name
        ?? (names.Count > 0 ? names[0].Name : null);
}

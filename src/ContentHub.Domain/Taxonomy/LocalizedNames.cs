using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Taxonomy;

/// <summary>Updates a list of names in place, so that unchanged languages keep their rows.</summary>
internal static class LocalizedNames
{
    public static void Assign(List<LocalizedName> names, IReadOnlyDictionary<LanguageTag, string> wanted)
    {
        if (wanted.Count == 0)
        {
            throw new ArgumentException("At least one name is required.", nameof(wanted));
        }

        names.RemoveAll(n => !wanted.ContainsKey(n.Language));
        foreach (var (language, name) in wanted)
        {
            var existing = names.Find(n => n.Language == language);
            if (existing is null)
            {
                names.Add(new LocalizedName(language, name));
            }
            else
            {
                existing.Rename(name);
            }
        }
    }
}

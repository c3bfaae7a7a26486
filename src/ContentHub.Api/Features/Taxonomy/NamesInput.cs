using ContentHub.Api.Http;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Taxonomy;
using ContentHub.Domain.Text;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>Checks a map of names per language ({"vi": "Du lịch", "en": "Tourism"}) and normalises it.</summary>
public static class NamesInput
{
    public static Dictionary<LanguageTag, string> Parse(IReadOnlyDictionary<string, string>? names, FieldErrors errors)
    {
        var parsed = new Dictionary<LanguageTag, string>();
        if (names is null || names.Count == 0)
        {
            errors.Add("names", "At least one name is required, for example {\"vi\": \"…\"}.");
            return parsed;
        }

        foreach (var (key, value) in names)
        {
            var field = $"names.{key}";
            if (!LanguageInput.TryParse(key, field, errors, out var language))
            {
                continue;
            }

            var name = TextNormalizer.CleanOptional(value);
            if (errors.Require(name is not null && name.Length <= LocalizedName.MaxLength, field, $"A name of 1 to {LocalizedName.MaxLength} characters."))
            {
                errors.Require(parsed.TryAdd(language, name!), field, $"{language} is named twice (through an alias such as zh and zh-CN).");
            }
        }

        return parsed;
    }

    public static Dictionary<string, string> ToResponse(IEnumerable<LocalizedName> names) =>
        names.OrderBy(n => n.Language.Code, StringComparer.Ordinal).ToDictionary(n => n.Language.Code, n => n.Name, StringComparer.Ordinal);

    /// <summary>Checks a language-neutral key (category slug, unit code): the same rules as item slugs.</summary>
    public static string? Key(string? value, string field, FieldErrors errors)
    {
        var key = TextNormalizer.CleanOptional(value);
        if (key is null || !Slug.IsValid(key) || key.Length > 100)
        {
            errors.Add(field, $"Lower-case letters, digits and single hyphens, at most 100 characters; for example '{Slug.From(value ?? "tourism")}'.");
            return null;
        }

        return key;
    }
}

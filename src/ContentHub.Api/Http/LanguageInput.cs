using ContentHub.Domain.Languages;

namespace ContentHub.Api.Http;

/// <summary>Reads a language a client named (a BCP 47 tag or a common alias), reporting a bad one against its field.</summary>
public static class LanguageInput
{
    public static bool TryParse(string? value, string field, FieldErrors errors, out LanguageTag language)
    {
        if (LanguageTag.TryParse(value, out language))
        {
            return true;
        }

        errors.Add(field, $"'{value}' is not a supported language. Supported: {LanguageTag.SupportedList}.");
        return false;
    }
}

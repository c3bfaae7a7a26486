namespace ContentHub.Api.Http;

/// <summary>Reads an enum value a client named, by name only, case-insensitive, reporting a bad one against its field.</summary>
public static class EnumInput
{
    public static T? Parse<T>(string? value, string field, FieldErrors errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        // Names only: Enum.TryParse would also take "3".
        var match = Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        errors.Require(match is not null, field, "One of: " + string.Join(", ", Enum.GetNames<T>()) + ".");
        return match is null ? null : Enum.Parse<T>(match);
    }
}

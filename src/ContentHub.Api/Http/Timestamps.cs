using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentHub.Api.Http;

/// <summary>
/// Times the API accepts must say their offset (Z or +07:00): a bare "08:00" means one moment in
/// Ha Noi and another on a server set to UTC, and publishing at the wrong hour is not a small bug.
/// </summary>
public static partial class Timestamps
{
    public static bool TryParse(string? value, out DateTimeOffset instant)
    {
        instant = default;
        return value is not null
            && WithOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}

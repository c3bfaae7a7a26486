using System.Diagnostics.CodeAnalysis;

namespace ContentHub.Domain.Content;

/// <summary>Absolute http or https addresses, the only kind a video or poster may point to.</summary>
public static class WebAddress
{
    public const int MaxLength = 2000;

    public static bool TryParse(string? value, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return false;
        }

        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            return true;
        }

        return false;
    }
}

namespace ContentHub.Api.Features.Rendering;

/// <summary>Which link and image destinations rendered Markdown may keep: http, https, mailto and relative ones.</summary>
public static class UrlPolicy
{
    public static readonly IReadOnlyList<string> AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        var compact = string.Concat(url.Where(c => c > ' ' && c != '\u007f'));
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var beforeColon = compact[..colon];
        if (beforeColon.IndexOfAny(['/', '?', '#']) >= 0)
        {
            return true;
        }

        return AllowedSchemes.Contains(beforeColon.ToLowerInvariant());
    }

    /// <summary>Absolute web links (and protocol-relative ones) leave the portal: they get rel="noopener noreferrer".</summary>
    public static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("//", StringComparison.Ordinal));
}

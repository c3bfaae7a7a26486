using System.Security.Cryptography;
using System.Text;

namespace ContentHub.Domain.Translation;

/// <summary>
/// A hash of the translatable text of a variant (title, summary, body, SEO description), so that a
/// translation can tell whether its source changed without keeping the whole source beside it.
/// </summary>
public static class TextFingerprint
{
    public static string Of(string title, string? summary, string bodyMarkdown, string? seoDescription)
    {
        var text = string.Join('\u001f', title, summary ?? string.Empty, bodyMarkdown, seoDescription ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

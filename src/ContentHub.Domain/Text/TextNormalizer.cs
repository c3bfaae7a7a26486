using System.Text;

namespace ContentHub.Domain.Text;

/// <summary>
/// Brings all stored text to Unicode NFC. Some Vietnamese keyboards send decomposed text
/// ("a" + combining marks), which would otherwise make equal titles differ byte for byte and break
/// slugs, uniqueness and search.
/// </summary>
public static class TextNormalizer
{
    public static string Nfc(string value) =>
        value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    public static string? NfcOrNull(string? value) => value is null ? null : Nfc(value);

    /// <summary>NFC, trimmed, and null when nothing is left.</summary>
    public static string? CleanOptional(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = Nfc(value).Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Line endings as \n, so revisions and diffs do not change with the editor's platform.</summary>
    public static string NormalizeBody(string value) =>
        Nfc(value).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}

using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// The text of a PDF publication (PdfPig), page by page, so that search can find it; bounded in
/// pages and characters so that a huge or hostile file costs a known amount.
/// </summary>
public static class PdfText
{
    public const int MaxPages = 1000;
    public const int MaxCharacters = 2_000_000;

    /// <summary>The text, empty for a PDF of images only; null when the file cannot be read as a PDF.</summary>
    public static string? Extract(string path)
    {
        try
        {
            using var document = PdfDocument.Open(path);
            var text = new StringBuilder();
            foreach (var page in document.GetPages().Take(MaxPages))
            {
                if (text.Length > 0)
                {
                    text.Append("\n\n");
                }

                text.Append(page.Text);
                if (text.Length >= MaxCharacters)
                {
                    return text.ToString(0, MaxCharacters);
                }
            }

            return text.ToString();
        }
        catch (Exception unreadable) when (unreadable is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException or InvalidCastException or OverflowException)
        {
            // PdfPig reports a broken file in several ways; each means "not a PDF we can read".
            return null;
        }
    }
}

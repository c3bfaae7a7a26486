using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ContentHub.Api.Tests.Media;

/// <summary>Real PDFs made by the tests (PdfPig's writer): a page per line of text, as many pages as it takes to reach a size.</summary>
public static class TestPdf
{
    public static byte[] Make(string text, int atLeastBytes = 0)
    {
        for (var pages = 1; ; pages = Math.Max(pages * 2, 2))
        {
            var builder = new PdfDocumentBuilder();
            var font = builder.AddStandard14Font(Standard14Font.Helvetica);
            for (var number = 1; number <= pages; number++)
            {
                var page = builder.AddPage(PageSize.A4);
                page.AddText(number == 1 ? text : $"{text} (page {number})", 12, new PdfPoint(40, 780), font);
                // Drawn lines make a page bigger without more text to read.
                for (var line = 0; line < 40; line++)
                {
                    page.DrawLine(new PdfPoint(40, 700 - (line * 15)), new PdfPoint(550, 700 - (line * 15)));
                }
            }

            var bytes = builder.Build();
            if (bytes.Length >= atLeastBytes)
            {
                return bytes;
            }
        }
    }
}

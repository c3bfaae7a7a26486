using System.Xml;
using System.Xml.Linq;

namespace ContentHub.Api.Http;

/// <summary>
/// Reads XML that comes from outside (imports): no DTD, so no entities and no external resources
/// (XXE), and a bound on its size, with line numbers kept for error messages.
/// </summary>
public static class UntrustedXml
{
    public const long MaxCharacters = 50_000_000;

    /// <summary>The document, or null with the reason (and its line) added to <paramref name="errors"/>.</summary>
    public static XDocument? Load(string content, List<string> errors)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters };
            using var reader = XmlReader.Create(new StringReader(content), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException exception)
        {
            errors.Add($"line {exception.LineNumber}: not well-formed XML, or it has a DTD (refused): {exception.Message}");
            return null;
        }
    }
}

using System.Text;
using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace ContentHub.OData;

/// <summary>The two documents every OData service answers with before any query: $metadata (CSDL XML) and the service document.</summary>
public static class ServiceDocuments
{
    /// <summary>The CSDL of <paramref name="model"/>, as <c>$metadata</c> answers.</summary>
    public static string Metadata(IEdmModel model)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            if (!CsdlWriter.TryWriteCsdl(model, writer, CsdlTarget.OData, out var errors))
            {
                throw new InvalidOperationException("The EDM model cannot be written: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }

        // XmlWriter on a StringBuilder declares UTF-16; the document is sent as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The same CSDL in its JSON representation (OData CSDL JSON 4.01), as UTF-8.</summary>
    public static byte[] MetadataJson(IEdmModel model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            if (!CsdlWriter.TryWriteCsdl(model, writer, out var errors))
            {
                throw new InvalidOperationException("The EDM model cannot be written as CSDL JSON: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The service document: the entity sets, in OData JSON with the given metadata level.</summary>
    public static BufferedResponseMessage ServiceDocument(IEdmModel model, Uri serviceRoot, ODataVersion version, string metadataLevel)
    {
        var message = new BufferedResponseMessage();
        message.SetHeader("Content-Type", $"application/json;odata.metadata={metadataLevel}");
        var settings = new ODataMessageWriterSettings { BaseUri = serviceRoot, Version = version, ODataUri = new ODataUri { ServiceRoot = serviceRoot } };
        using (var writer = new ODataMessageWriter(message, settings, model))
        {
            writer.WriteServiceDocument(model.GenerateServiceDocument());
        }

        return message;
    }

    /// <summary>Checks the model against the EDM rules; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(IEdmModel model)
    {
        model.Validate(out var errors);
        return errors.Select(e => e.ErrorMessage).ToList();
    }
}

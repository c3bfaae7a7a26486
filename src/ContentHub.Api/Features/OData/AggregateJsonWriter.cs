using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContentHub.Domain.Languages;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Writes the results of <c>$apply</c> as OData JSON: a collection of transient entities (their id is
/// null, Data Aggregation §3.1.3) whose context URL lists what they hold, <c>#Articles(CategoryId,Count)</c>.
/// </summary>
public static class AggregateJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext http, IEdmEntitySet set, Uri serviceRoot, ODataVersion version, string metadataLevel, EntryAggregation.AggregatedPage page)
    {
        var prefix = version == ODataVersion.V401 ? "@" : "@odata.";
        using var buffer = new PooledBufferWriter(1024 + (page.Results.Count * 128));
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (metadataLevel != "none")
            {
                json.WriteString(prefix + "context", $"{serviceRoot.AbsoluteUri}$metadata#{set.Name}({string.Join(',', page.Names)})");
            }

            if (page.NextLink is not null)
            {
                json.WriteString(prefix + "nextLink", page.NextLink.AbsoluteUri);
            }

            json.WritePropertyName("value");
            json.WriteStartArray();
            foreach (var result in page.Results)
            {
                WriteObject(json, result, metadataLevel == "none" ? null : prefix);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await EntryJsonWriter.SendAsync(http, version, metadataLevel, buffer);
    }

    private static void WriteObject(Utf8JsonWriter json, IReadOnlyDictionary<string, object?> values, string? prefix)
    {
        json.WriteStartObject();
        if (prefix is not null)
        {
            json.WriteNull(prefix + "id");
        }

        foreach (var (name, value) in values)
        {
            json.WritePropertyName(name);
            DynamicValues.Write(json, value);
        }

        json.WriteEndObject();
    }
}

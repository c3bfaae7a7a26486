using System.Text.Json;

namespace ContentHub.Domain.Revisions;

/// <summary>Compares two snapshots of the same thing field by field; nested objects are named by path (<c>video.durationSeconds</c>).</summary>
public static class SnapshotDiff
{
    public static IReadOnlyList<FieldChange> Fields(string fromJson, string toJson)
    {
        var from = Flatten(fromJson);
        var to = Flatten(toJson);
        return from.Keys.Union(to.Keys)
            .Order(StringComparer.Ordinal)
            .Select(field => new FieldChange(field, from.GetValueOrDefault(field), to.GetValueOrDefault(field)))
            .Where(change => change.From != change.To)
            .ToList();
    }

    private static Dictionary<string, string> Flatten(string json)
    {
        using var document = JsonDocument.Parse(json);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(document.RootElement, prefix: null, fields);
        return fields;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> fields)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix is null ? property.Name : $"{prefix}.{property.Name}", fields);
            }
        }
        else if (element.ValueKind != JsonValueKind.Null && prefix is not null)
        {
            fields[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        }
    }
}

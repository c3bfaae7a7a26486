using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentHub.Domain.Revisions;

/// <summary>One JSON shape for snapshots, so that old revisions keep reading the same way.</summary>
internal static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Snapshots are stored, not embedded in HTML: keep Vietnamese and CJK readable in the database.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

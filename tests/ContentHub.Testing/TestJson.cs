using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentHub.Testing;

/// <summary>Reads the service's JSON as a client would: camelCase, enums as names.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

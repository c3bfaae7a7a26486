using System.Globalization;
using System.Text.Json;
using ContentHub.Domain.Languages;
using Microsoft.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Values whose type is known only when the query runs (<c>$compute</c> properties, <c>$apply</c> results),
/// written as OData JSON writes the EDM type each CLR type stands for.
/// </summary>
public static class DynamicValues
{
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case double number when double.IsFinite(number): json.WriteNumberValue(number); break;
            case double number: json.WriteStringValue(number.ToString(CultureInfo.InvariantCulture)); break;
            case Guid id: json.WriteStringValue(id); break;
            case DateTimeOffset instant: json.WriteStringValue(EntryJsonWriter.Time(instant)); break;
            case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case LanguageTag tag: json.WriteStringValue(tag.Code); break;
            case Enum member: json.WriteStringValue(member.ToString()); break;
            case IReadOnlyDictionary<string, object?> nested:
                json.WriteStartObject();
                foreach (var (name, inner) in nested)
                {
                    json.WritePropertyName(name);
                    Write(json, inner);
                }

                json.WriteEndObject();
                break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>The same value for ODataMessageWriter.</summary>
    public static ODataValue ForWriter(object? value) => value switch
    {
        null => new ODataNullValue(),
        LanguageTag tag => new ODataPrimitiveValue(tag.Code),
        Enum member => new ODataPrimitiveValue(member.ToString()),
        DateTimeOffset instant => new ODataPrimitiveValue(instant.ToUniversalTime()),
        _ => new ODataPrimitiveValue(value),
    };
}

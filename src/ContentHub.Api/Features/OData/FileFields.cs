using System.Globalization;
using System.Text.Json;
using ContentHub.Api.Features.Portals;
using Microsoft.OData.Edm;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The properties of an entry's file as OData shows it under <c>$expand=Files</c>, declared once for
/// the model and both writers: the same <see cref="PortalFile"/> sync and feeds carry, with its
/// srcsets per format as two properties.
/// </summary>
public static class FileFields
{
    public sealed record Field(string Name, EdmPrimitiveTypeKind Type, bool Nullable, Func<PortalFile, object?> Value);

    public static IReadOnlyList<Field> All { get; } =
    [
        new("Id", EdmPrimitiveTypeKind.Guid, false, f => f.Id),
        new("Role", EdmPrimitiveTypeKind.String, false, f => f.Role),
        new("ContentType", EdmPrimitiveTypeKind.String, false, f => f.ContentType),
        new("Size", EdmPrimitiveTypeKind.Int64, false, f => f.Size),
        new("FileName", EdmPrimitiveTypeKind.String, false, f => f.FileName),
        new("Width", EdmPrimitiveTypeKind.Int32, true, f => f.Width),
        new("Height", EdmPrimitiveTypeKind.Int32, true, f => f.Height),
        new("DurationSeconds", EdmPrimitiveTypeKind.Double, true, f => f.DurationSeconds),
        new("AltText", EdmPrimitiveTypeKind.String, true, f => f.AltText),
        new("Caption", EdmPrimitiveTypeKind.String, true, f => f.Caption),
        new("Url", EdmPrimitiveTypeKind.String, false, f => f.Url),
        new("PosterUrl", EdmPrimitiveTypeKind.String, true, f => f.PosterUrl),
        new("SrcsetWebp", EdmPrimitiveTypeKind.String, true, f => f.Srcset?.GetValueOrDefault("webp")),
        new("SrcsetJpeg", EdmPrimitiveTypeKind.String, true, f => f.Srcset?.GetValueOrDefault("jpg")),
    ];

    /// <summary>Writes a value as ODataMessageWriter does (a whole double keeps its ".0").</summary>
    public static void Json(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case Guid id: json.WriteString(name, id); break;
            case string text: json.WriteString(name, text); break;
            case long number: json.WriteNumber(name, number); break;
            case int number: json.WriteNumber(name, number); break;
            case double number:
                var written = number.ToString("R", CultureInfo.InvariantCulture);
                json.WritePropertyName(name);
                json.WriteRawValue(written.Contains('.', StringComparison.Ordinal) || written.Contains('E', StringComparison.Ordinal) ? written : written + ".0", skipInputValidation: true);
                break;
            default: throw new InvalidOperationException($"A file property of type {value.GetType()} has no JSON form.");
        }
    }
}

using System.Reflection;
using System.Text.Json.Nodes;
using ContentHub.Domain.Languages;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentHub.Api.Http;

/// <summary>Writes the values of <see cref="QueryValuesAttribute"/> into the parameter's schema as an enum.</summary>
public sealed class QueryValuesFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var attribute = context.PropertyInfo?.GetCustomAttribute<QueryValuesAttribute>()
            ?? context.ParameterInfo?.GetCustomAttribute<QueryValuesAttribute>()
            ?? ConstructorParameter(context.PropertyInfo)?.GetCustomAttribute<QueryValuesAttribute>();
        if (attribute is null || parameter.Schema is not OpenApiSchema schema)
        {
            return;
        }

        var values = attribute.Languages ? LanguageTag.All.Select(l => l.Code).Concat(attribute.Also) : attribute.Values;
        schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
    }

    // A positional record's attributes sit on its constructor parameter, not on the property.
    private static ParameterInfo? ConstructorParameter(PropertyInfo? property) =>
        property?.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters()).FirstOrDefault(p => p.Name == property.Name);
}

namespace ContentHub.Api.Http;

/// <summary>
/// The values a string query parameter takes, for the OpenAPI document (clients and generated SDKs
/// read them as an enum). Parsing stays with the handler, which also accepts what the list does not
/// spell out (language aliases such as zh-CN, names in any case).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class QueryValuesAttribute : Attribute
{
    public QueryValuesAttribute(params string[] values) => Values = values;

    /// <summary>The names of an enum's members.</summary>
    public QueryValuesAttribute(Type enumType) => Values = Enum.GetNames(enumType);

    public IReadOnlyList<string> Values { get; }

    /// <summary>Set instead of a list: the supported language tags (a runtime list, which attributes cannot hold).</summary>
    public bool Languages { get; init; }

    /// <summary>Extra values allowed besides the languages (such as "item").</summary>
    public string[] Also { get; init; } = [];
}

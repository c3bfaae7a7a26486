using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The opaque $skiptoken of next links. In the default newest-first order it names the last entry of
/// the page (<c>k</c>: its publication time and id); under a client's own $orderby of plain properties
/// it carries the last entry's values of those keys and its id (<c>c</c>: a JSON array, base64url), so
/// the next page starts right after it however much is published meanwhile; under an order by
/// computed values it is the position of the next page (<c>o</c>).
/// </summary>
public sealed record SkipToken(int Offset, (DateTimeOffset PublishedAt, Guid ItemId)? After, IReadOnlyList<JsonElement>? Values)
{
    private static readonly SkipToken None = new(0, null, null);

    public static string AfterEntry(DateTimeOffset publishedAt, Guid itemId) =>
        $"k{publishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{itemId:N}";

    public static string AfterValues(IEnumerable<object?> values) =>
        "c" + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values.ToArray()));

    public static string AtOffset(int offset) => "o" + offset.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a token issued for this kind of order: newest first, a client's order by plain keys, or another.</summary>
    public static SkipToken Parse(string? token, Order order)
    {
        if (token is null)
        {
            return None;
        }

        if (order == Order.NewestFirst && token.StartsWith('k') && token[1..].Split('.') is [var ticks, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks) && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(id, "N", out var itemId))
        {
            return new SkipToken(0, (new DateTimeOffset(utcTicks, TimeSpan.Zero), itemId), null);
        }

        if (order == Order.ByKeys && token.StartsWith('c') && ReadValues(token[1..]) is { } values)
        {
            return new SkipToken(0, null, values);
        }

        if (order != Order.NewestFirst && token.StartsWith('o') && int.TryParse(token[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return new SkipToken(offset, null, null);
        }

        throw new ODataQueryException(400, "BadRequest", "The $skiptoken is not one this service issued for this query.", "$skiptoken");
    }

    private static List<JsonElement>? ReadValues(string encoded)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
            return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().Select(v => v.Clone()).ToList() : null;
        }
        catch (Exception invalid) when (invalid is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>How the pages are ordered, which decides the kind of token.</summary>
    public enum Order
    {
        NewestFirst,
        ByKeys,
        Computed,
    }
}

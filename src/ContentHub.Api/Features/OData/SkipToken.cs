using System.Globalization;
using ContentHub.OData;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The opaque $skiptoken of next links. In the default newest-first order it names the last entry of
/// the page (its publication time and id), so the next page starts right after it however much is
/// published meanwhile; under a client's own $orderby it is the position of the next page.
/// </summary>
public sealed record SkipToken(int Offset, (DateTimeOffset PublishedAt, Guid ItemId)? After)
{
    public static string AfterEntry(DateTimeOffset publishedAt, Guid itemId) =>
        $"k{publishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{itemId:N}";

    public static string AtOffset(int offset) => "o" + offset.ToString(CultureInfo.InvariantCulture);

    public static SkipToken Parse(string? token, bool keyset)
    {
        if (token is null)
        {
            return new SkipToken(0, null);
        }

        if (keyset && token.StartsWith('k') && token[1..].Split('.') is [var ticks, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks) && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(id, "N", out var itemId))
        {
            return new SkipToken(0, (new DateTimeOffset(utcTicks, TimeSpan.Zero), itemId));
        }

        if (!keyset && token.StartsWith('o') && int.TryParse(token[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return new SkipToken(offset, null);
        }

        throw new ODataQueryException(400, "BadRequest", "The $skiptoken is not one this service issued for this query.", "$skiptoken");
    }
}

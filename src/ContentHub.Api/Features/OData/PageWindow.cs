using ContentHub.OData;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The rows one page shows, the same for entries, categories and aggregated results: <c>$top</c>
/// (at most <see cref="ODataQueryEndpoint.MaxPageSize"/>) within the page size the client prefers,
/// after <c>$skip</c> and the skip token's offset; one row more is read than is shown, so that a
/// nextLink is written only when more follow, carrying what remains of <c>$top</c>.
/// </summary>
public sealed class PageWindow
{
    private readonly HttpRequest _request;
    private readonly long? _top;
    private readonly int _take;

    private PageWindow(HttpRequest request, long? top, int skip, int take)
    {
        _request = request;
        _top = top;
        Skip = skip;
        _take = take;
    }

    /// <summary>Where the page starts: $skip plus the skip token's offset.</summary>
    public int Skip { get; }

    /// <summary>How many rows to read: those shown and one more.</summary>
    public int Fetch => Shown + 1;

    /// <summary>The token that continues after this page by offset, for orders a keyset cannot follow.</summary>
    public string OffsetToken => SkipToken.AtOffset(Skip + _take);

    private int Shown => (int)Math.Min(_top ?? int.MaxValue, _take);

    /// <summary>Reads $top (a 400 beyond the largest page), $skip and the preferred page size.</summary>
    public static PageWindow Read(HttpContext http, ODataUriParser parser, int tokenOffset)
    {
        var top = parser.ParseTop();
        if (top > ODataQueryEndpoint.MaxPageSize)
        {
            throw ODataQueryException.Limit("$top", $"$top is at most {ODataQueryEndpoint.MaxPageSize}.");
        }

        var pageSize = ODataRequests.PageSize(http);
        return new PageWindow(http.Request, top, ODataRequests.Skip(parser) + tokenOffset, (int)Math.Min(top ?? pageSize, pageSize));
    }

    /// <summary>
    /// The rows to show of those read, and the nextLink when more follow and $top wants them;
    /// <paramref name="tokenAfter"/> writes the skip token that continues after the last row shown.
    /// </summary>
    public Uri? Cut<T>(List<T> rows, Func<T, string> tokenAfter)
    {
        if (rows.Count <= Shown)
        {
            return null;
        }

        rows.RemoveRange(Shown, rows.Count - Shown);
        var wanted = _top ?? long.MaxValue;
        return wanted > _take ? ODataRequests.NextLink(_request, tokenAfter(rows[^1]), _top is null ? null : (int)(wanted - _take)) : null;
    }
}

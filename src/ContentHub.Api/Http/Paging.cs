using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Http;

/// <summary>Runs one page of an ordered query: the total count and the rows of the page.</summary>
public static class Paging
{
    public static async Task<PagedResponse<TResponse>> ToPageAsync<TRow, TResponse>(
        this IOrderedQueryable<TRow> ordered, int page, int size, Func<TRow, TResponse> map, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResponse<TResponse>(rows.Select(map).ToList(), page, size, total);
    }
}

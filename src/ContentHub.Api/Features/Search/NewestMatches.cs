using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// The newest matches of a search that matches much of what may be found (a word in most texts),
/// without asking the index for every match: the newest rows are taken from an index on their time a
/// thousand at a time, and each one's text is checked row by row, which reads a few thousand rows
/// instead of every match. Used by the portals' and the editors' searches alike.
/// </summary>
public static class NewestMatches
{
    private const int MaxProbes = 3;

    /// <summary>
    /// How many of the newest rows one probe checks: a thousand and one by default, so that one probe of
    /// a search that matches nearly everything also tells that there are more than are counted. Tests set
    /// <c>Search:ProbeSize</c> small to send searches down the index's path.
    /// </summary>
    public static int ProbeSize(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Search:ProbeSize", SearchInput.MaxCounted + 1));

    /// <summary>
    /// The newest matches (as many as are ranked), how many there are, and whether that count is exact
    /// (else "at least"); null when under 30 % of the newest thousand match, or the probes found fewer
    /// than are ranked: the search is narrow, and the index answers it better.
    /// </summary>
    /// <param name="newestFirst">What may be found, newest first.</param>
    /// <param name="probeSize">See <see cref="ProbeSize"/>.</param>
    /// <param name="matchesAmong">The matches among a probe's rows, newest first: one statement, whose rows are its subquery.</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    public static async Task<(List<TMatch> Newest, int Count, bool Exact)?> ProbeAsync<TRow, TMatch>(
        IOrderedQueryable<TRow> newestFirst, int probeSize, Func<IQueryable<TRow>, IQueryable<TMatch>> matchesAmong, CancellationToken cancellationToken)
    {
        var matches = new List<TMatch>();
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            // How many rows a probe held is asked only when its matches do not settle it (a search that
            // matches nearly everything never asks).
            var chunk = newestFirst.Skip(probe * probeSize).Take(probeSize);
            var found = await matchesAmong(chunk).ToListAsync(cancellationToken).ConfigureAwait(false);
            matches.AddRange(found);
            if (matches.Count > SearchInput.MaxCounted)
            {
                return (matches.Take(SearchInput.MaxRanked).ToList(), matches.Count, Exact: true);
            }

            var probed = found.Count == probeSize ? probeSize : await chunk.CountAsync(cancellationToken).ConfigureAwait(false);
            if (probed < probeSize)
            {
                return (matches.Take(SearchInput.MaxRanked).ToList(), matches.Count, Exact: true); // every row (left) that may be found
            }

            if (probe == 0 && matches.Count * 10 < probed * 3)
            {
                return null; // Under 30 % of the newest match: a narrow search.
            }
        }

        // The newest are known when as many as are ranked were found; the total then only as "at least".
        return matches.Count >= SearchInput.MaxRanked ? (matches.Take(SearchInput.MaxRanked).ToList(), matches.Count, Exact: false) : null;
    }
}

using ContentHub.Data;
using ContentHub.Domain.Portals;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// The Last-Modified of a portal's answers, made so that If-Modified-Since never hides a change.
/// The newest entry shown would not do: when it is taken down the answer changes and its newest entry
/// becomes older. So it is the latest change to anything published (every publication, update,
/// takedown or deletion writes a sync change with its time) plus <see cref="Settle"/>, or now if that
/// is sooner: a change stamped before another but committed after it — a transaction that took its
/// time — still falls before the date given, unless its transaction took longer than that to commit.
/// </summary>
public static class LastChange
{
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    public static async Task<DateTimeOffset> OfAnswersAsync(HttpContext http, Portal portal)
    {
        var services = http.RequestServices;
        var latest = await services.GetRequiredService<PortalAnswerCache>().LatestChangeAsync(services.GetRequiredService<ContentHubDbContext>(), http.RequestAborted).ConfigureAwait(false);
        var clock = services.GetRequiredService<TimeProvider>();
        var changed = latest is { } at && at > portal.CreatedAt ? at : portal.CreatedAt;
        var now = clock.GetUtcNow();
        return changed + Settle < now ? changed + Settle : now;
    }
}

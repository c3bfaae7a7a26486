using System.Collections.Frozen;
using ContentHub.Data;
using ContentHub.Domain.Portals;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// The portals and their live keys, held in memory: every portal request needs both, and they change
/// rarely. The whole set (tens of rows) is loaded at once and dropped whenever a portal or key changes,
/// here (<see cref="ChangedAsync"/>) or on another instance (<see cref="PortalChangeListener"/> hears the
/// NOTIFY), and at the latest after <see cref="MaxAge"/>, should a notification ever be missed.
/// </summary>
public sealed partial class PortalDirectory(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PortalDirectory> logger) : IDisposable
{
    /// <summary>The PostgreSQL channel that tells every instance a portal or key changed.</summary>
    public const string Channel = "contenthub_portals";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> _lastUseRecorded = new();
    private Snapshot? _snapshot;

    public async Task<ApiKey?> KeyAsync(string prefix, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Keys.GetValueOrDefault(prefix);

    public async Task<Portal?> PortalAsync(Guid id, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Portals.GetValueOrDefault(id);

    public async Task<Portal?> PublicPortalAsync(string slug, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken).ConfigureAwait(false)).PublicPortals.GetValueOrDefault(slug);

    /// <summary>Any portal by its slug, public or not (feeds name their portal in the path).</summary>
    public async Task<Portal?> PortalBySlugAsync(string slug, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Portals.Values.FirstOrDefault(p => p.Slug == slug);

    /// <summary>Records that a key was used, at most once a minute per key, so reading does not become a write per request.</summary>
    public async Task RecordUseAsync(ApiKey key, ContentHubDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recorded = _lastUseRecorded.GetOrAdd(key.Id, key.LastUsedAt ?? DateTimeOffset.MinValue);
        if (now - recorded <= LastUsedResolution || !_lastUseRecorded.TryUpdate(key.Id, now, recorded))
        {
            return;
        }

        await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops what this instance holds and tells the others (after the caller's change is committed).</summary>
    public async Task ChangedAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        Invalidate();
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", cancellationToken).ConfigureAwait(false);
    }

    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    public void Dispose() => _loading.Dispose();

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _snapshot) is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < MaxAge)
        {
            return fresh;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _snapshot) is { } loaded && clock.GetUtcNow() - loaded.LoadedAt < MaxAge)
            {
                return loaded;
            }

            // Taken before reading, so a change committed while we read leaves an older time and is re-read soon.
            var loadedAt = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentHubDbContext>();
            var portals = await db.Portals.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var keys = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = new Snapshot(
                keys.ToFrozenDictionary(k => k.Prefix, StringComparer.Ordinal),
                portals.ToFrozenDictionary(p => p.Id),
                portals.Where(p => p.IsPublic).ToFrozenDictionary(p => p.Slug, StringComparer.Ordinal),
                loadedAt);
            Volatile.Write(ref _snapshot, snapshot);
            LogLoaded(logger, portals.Count, keys.Count);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded {Portals} portals and {Keys} live keys")]
    private static partial void LogLoaded(ILogger logger, int portals, int keys);

    private sealed record Snapshot(
        FrozenDictionary<string, ApiKey> Keys,
        FrozenDictionary<Guid, Portal> Portals,
        FrozenDictionary<string, Portal> PublicPortals,
        DateTimeOffset LoadedAt);
}

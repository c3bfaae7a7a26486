using System.Data.Common;
using ContentHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// A PostgreSQL session lock on one content (its SHA-256), held by an upload while it decides
/// whether the content is stored and records it, and by a deletion until the stored bytes are gone,
/// so that an upload of the same bytes never records a file whose bytes a deletion then removes.
/// Across instances, since the lock is the database's; released if the process dies.
/// </summary>
public sealed class MediaLock : IAsyncDisposable
{
    private readonly ContentHubDbContext _db;
    private readonly long _key;

    private MediaLock(ContentHubDbContext db, long key) => (_db, _key) = (db, key);

    public static async Task<MediaLock> TakeAsync(ContentHubDbContext db, string sha256, CancellationToken cancellationToken)
    {
        // The first 64 bits of the hash are as unique as a lock key needs to be.
        var key = Convert.ToInt64(sha256[..16], 16);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(db.Database.GetDbConnection(), "SELECT pg_advisory_lock(@key)", key, cancellationToken).ConfigureAwait(false);
        return new MediaLock(db, key);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Execute(_db.Database.GetDbConnection(), "SELECT pg_advisory_unlock(@key)", _key, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task Execute(DbConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}

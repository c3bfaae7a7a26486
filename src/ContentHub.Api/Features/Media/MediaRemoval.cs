using ContentHub.Data;
using ContentHub.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Deletes files: one on request, refused while items use it; and, as clean-up, every file no item
/// uses that was uploaded longer ago than <see cref="MediaOptions.UnusedFileMaxAge"/> (younger ones
/// are an editor's upload about to be attached). The row goes first, then the bytes and what was
/// made from them, under the content's <see cref="MediaLock"/>.
/// </summary>
public sealed partial class MediaRemoval(ContentHubDbContext db, IMediaStore store, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaRemoval> logger)
{
    public abstract record Result
    {
        public sealed record Deleted : Result;

        public sealed record NotFound : Result;

        public sealed record InUse(IReadOnlyList<Guid> Items) : Result;
    }

    /// <summary>The items a file is attached to, or whose texts (current or published) place it as an image.</summary>
    public Task<List<Guid>> UsersAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var address = "%" + InlineImages.Prefix + fileId.ToString() + "%";
        return db.ItemFiles.AsNoTracking().Where(f => f.FileId == fileId).Select(f => f.ItemId)
            .Union(db.Variants.Where(v => EF.Functions.ILike(v.BodyMarkdown, address)).Select(v => v.ItemId))
            .Union(db.PublishedEntries.Where(e => EF.Functions.ILike(e.BodyHtml, address)).Select(e => e.ItemId))
            .OrderBy(i => i).ToListAsync(cancellationToken);
    }

    // Every file some text places, read in one pass over the texts that place any.
    private async Task<HashSet<Guid>> PlacedAsync(CancellationToken cancellationToken)
    {
        var placed = new HashSet<Guid>();
        await foreach (var text in db.Variants.AsNoTracking().Where(v => v.BodyMarkdown.Contains(InlineImages.Prefix)).Select(v => v.BodyMarkdown)
            .Concat(db.PublishedEntries.AsNoTracking().Where(e => e.BodyHtml.Contains(InlineImages.Prefix)).Select(e => e.BodyHtml))
            .AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            placed.UnionWith(InlineImages.In(text));
        }

        return placed;
    }

    public async Task<Result> DeleteAsync(Guid fileId, CancellationToken cancellationToken)
    {
        if (await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return new Result.NotFound();
        }

        await using (await MediaLock.TakeAsync(db, file.Sha256, cancellationToken).ConfigureAwait(false))
        {
            if (await UsersAsync(fileId, cancellationToken).ConfigureAwait(false) is { Count: > 0 } items)
            {
                return new Result.InUse(items);
            }

            // An item attaching the file at this moment makes the foreign key refuse this delete.
            try
            {
                if (await db.MediaFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return new Result.NotFound();
                }
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.ForeignKeyViolation)
            {
                return new Result.InUse(await UsersAsync(fileId, CancellationToken.None).ConfigureAwait(false));
            }

            await RemoveBytesAsync(file).ConfigureAwait(false);
        }

        LogDeleted(logger, file.Id, file.FileName);
        return new Result.Deleted();
    }

    /// <summary>Deletes every unused file older than the configured age; returns how many went.</summary>
    public async Task<int> CleanUpAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.UnusedFileMaxAge;
        var unused = await db.MediaFiles.AsNoTracking()
            .Where(f => f.UploadedAt < before && !db.ItemFiles.Any(i => i.FileId == f.Id))
            .OrderBy(f => f.UploadedAt).Select(f => f.Id).Take(1000)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var placed = unused.Count == 0 ? [] : await PlacedAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var id in unused.Where(id => !placed.Contains(id)))
        {
            if (await DeleteAsync(id, cancellationToken).ConfigureAwait(false) is Result.Deleted)
            {
                deleted++;
            }
        }

        return deleted;
    }

    // Once the row (and with it the captions) is gone nothing refers to the bytes; they go even if the request is abandoned now.
    private async Task RemoveBytesAsync(MediaFile file)
    {
        await store.DeleteAsync(MediaKeys.File(file.Sha256), CancellationToken.None).ConfigureAwait(false);
        await store.DeleteAsync(MediaKeys.Renditions(file.Sha256), CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted file {FileId} ({FileName})")]
    private static partial void LogDeleted(ILogger logger, Guid fileId, string fileName);
}

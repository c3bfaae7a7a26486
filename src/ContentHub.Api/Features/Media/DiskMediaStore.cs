using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Files on the local disk, named by their SHA-256 (<c>files/ab/abcd…</c>). An upload is written to
/// <c>incoming/</c> first, flushed to disk, and only then renamed into place — a rename within one
/// file system is atomic, so a file that dies mid-upload never appears as a file.
/// </summary>
public sealed class DiskMediaStore(IOptions<MediaOptions> options)
{
    private readonly string _root = Path.GetFullPath(options.Value.DiskPath);

    /// <summary>Writes <paramref name="head"/> then the rest of <paramref name="body"/> to a staging file, hashing as it goes; refuses more than <paramref name="limit"/> bytes.</summary>
    public async Task<StagedFile> StageAsync(ReadOnlyMemory<byte> head, Stream body, long limit, CancellationToken cancellationToken)
    {
        var incoming = Directory.CreateDirectory(Path.Combine(_root, "incoming")).FullName;
        var path = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                async Task WriteAsync(ReadOnlyMemory<byte> bytes)
                {
                    size += bytes.Length;
                    if (size > limit)
                    {
                        throw new MediaTooLargeException(limit);
                    }

                    hash.AppendData(bytes.Span);
                    await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }

                await WriteAsync(head).ConfigureAwait(false);
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                }

                file.Flush(flushToDisk: true);
            }

            return new StagedFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A staged file whose content was replaced (SRT made WebVTT), staged anew.</summary>
    public async Task<StagedFile> RestageAsync(StagedFile staged, byte[] content, CancellationToken cancellationToken)
    {
        Discard(staged);
        return await StageAsync(content, Stream.Null, long.MaxValue, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the staged file into place under its hash; when that content is stored already, the copy is dropped.</summary>
    public void Commit(StagedFile staged)
    {
        var target = PathOf(staged.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            Discard(staged);
            return;
        }

        File.Move(staged.Path, target, overwrite: true);
    }

    public void Discard(StagedFile staged) => File.Delete(staged.Path);

    public string PathOf(string sha256) => Path.Combine(_root, "files", sha256[..2], sha256);

    public string RenditionPathOf(string sha256, string name) => Path.Combine(_root, "renditions", sha256[..2], sha256, name);

    /// <summary>Writes a rendition beside the others, through a staging file, so a reader never sees half of one.</summary>
    public async Task WriteRenditionAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var staging = path + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllBytesAsync(staging, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(staging, path, overwrite: true);
    }

    public async Task<byte[]> ReadAllAsync(StagedFile staged, CancellationToken cancellationToken) => await File.ReadAllBytesAsync(staged.Path, cancellationToken).ConfigureAwait(false);
}

/// <summary>An upload written whole to the staging folder, not yet a file.</summary>
public sealed record StagedFile(string Path, string Sha256, long Size);

public sealed class MediaTooLargeException(long limit) : Exception($"The file is larger than the limit of {limit} bytes for its type.")
{
    public long Limit { get; } = limit;
}

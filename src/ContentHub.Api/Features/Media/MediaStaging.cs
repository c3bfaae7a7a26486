using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Uploads on their way in: written to <c>incoming/</c> under the disk path, hashed as they come,
/// flushed to disk, before any store takes them. Whatever the store, a file that dies mid-upload
/// never becomes a file.
/// </summary>
public sealed class MediaStaging(IOptions<MediaOptions> options)
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

    public void Discard(StagedFile staged) => File.Delete(staged.Path);

    public async Task<byte[]> ReadAllAsync(StagedFile staged, CancellationToken cancellationToken) => await File.ReadAllBytesAsync(staged.Path, cancellationToken).ConfigureAwait(false);

    /// <summary>A scratch file for making a rendition or poster, deleted when disposed.</summary>
    public LocalFile Scratch(string extension)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "incoming")).FullName;
        return new LocalFile(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".scratch" + extension), temporary: true);
    }
}

/// <summary>An upload written whole to the staging folder, not yet a file.</summary>
public sealed record StagedFile(string Path, string Sha256, long Size);

public sealed class MediaTooLargeException(long limit) : Exception($"The file is larger than the limit of {limit} bytes for its type.")
{
    public long Limit { get; } = limit;
}

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Where stored files live: the local disk (<see cref="DiskMediaStore"/>) or an S3-compatible store
/// (<see cref="S3MediaStore"/>), chosen by <c>Media:Store</c>. Keys are <c>files/ab/{sha256}</c> for
/// uploads and <c>renditions/ab/{sha256}/{name}</c> for what is made from them.
/// </summary>
public interface IMediaStore
{
    /// <summary>Puts a staged upload under its key; when that content is stored already, the copy is dropped. The staged file is gone afterwards.</summary>
    Task CommitAsync(StagedFile staged, string contentType, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a file made here (a rendition, a poster) under its key, replacing what is there.</summary>
    Task PutAsync(string key, LocalFile made, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored file as a local file to read (the file itself on disk, a copy from S3, deleted when disposed).</summary>
    Task<LocalFile> LocalAsync(string key, CancellationToken cancellationToken);

    /// <summary>What a download sends: a path on disk, or a seekable stream over the stored object.</summary>
    Task<StoredFile> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the stored file and everything stored under <c>{key}/</c> (for a rendition folder); what is not there is no error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public static class MediaKeys
{
    public static string File(string sha256) => $"files/{sha256[..2]}/{sha256}";

    public static string Rendition(string sha256, string name) => $"{Renditions(sha256)}/{name}";

    /// <summary>The folder of everything made from a file (renditions, its poster).</summary>
    public static string Renditions(string sha256) => $"renditions/{sha256[..2]}/{sha256}";
}

/// <summary>A stored file ready to send: <see cref="Path"/> on disk, or <see cref="Stream"/> (seekable, for ranges).</summary>
public sealed record StoredFile(string? Path, Stream? Stream);

/// <summary>A file on the local disk; a temporary one is deleted when disposed.</summary>
public sealed class LocalFile(string path, bool temporary) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        if (temporary)
        {
            File.Delete(Path);
        }
    }
}

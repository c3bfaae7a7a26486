using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Files on the local disk under <see cref="MediaOptions.DiskPath"/>, at their keys. A staged upload
/// is renamed into place (atomic within one file system); renditions are written through a staging file.
/// </summary>
public sealed class DiskMediaStore(IOptions<MediaOptions> options) : IMediaStore
{
    private readonly string _root = Path.GetFullPath(options.Value.DiskPath);

    public Task CommitAsync(StagedFile staged, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(MediaKeys.File(staged.Sha256));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(staged.Path);
        }
        else
        {
            File.Move(staged.Path, target, overwrite: true);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task PutAsync(string key, LocalFile made, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(made.Path, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<LocalFile> LocalAsync(string key, CancellationToken cancellationToken) => Task.FromResult(new LocalFile(PathOf(key), temporary: false));

    public Task<StoredFile> OpenAsync(string key, CancellationToken cancellationToken) => Task.FromResult(new StoredFile(PathOf(key), null));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
}

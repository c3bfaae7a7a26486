using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Uploads sent in pieces (the tus 1.0 protocol, <see cref="ResumableUploadEndpoints"/>): each is a file
/// <c>resumable/{id}.part</c> that grows with every piece, and <c>{id}.json</c> that says who started it,
/// how long it will be and what it is called. The offset is the part's length, flushed after each
/// piece, so a connection that breaks keeps what arrived. Only the person who started an upload sees
/// it. A complete upload goes through <see cref="MediaUploads"/> like any other (type by bytes, limits,
/// probes), after which only the record of the file it became is kept.
/// </summary>
public sealed class ResumableUploads(IOptions<MediaOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Root => Path.Combine(Path.GetFullPath(options.Value.DiskPath), "resumable");

    /// <summary>The largest upload any type allows.</summary>
    public long MaxLength => new[] { options.Value.MaxImageBytes, options.Value.MaxDocumentBytes, options.Value.MaxVideoBytes, options.Value.MaxSubtitleBytes }.Max();

    /// <summary>An upload is dropped once nothing was written to it for this long.</summary>
    public TimeSpan MaxIdle => options.Value.StagingMaxAge;

    /// <summary>What is known of an upload besides its bytes.</summary>
    public sealed record State(string Owner, long Length, string? FileName, string? DeclaredType, DateTimeOffset CreatedAt, Guid? MediaId = null);

    /// <summary>How many unfinished uploads one person may have at once, so nobody fills the disk with announced lengths.</summary>
    public int MaxOpenPerPerson => options.Value.MaxOpenResumableUploads;

    /// <summary>How many uploads <paramref name="owner"/> has started and not finished (nor abandoned, nor let expire).</summary>
    public int OpenBy(string owner)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        return new DirectoryInfo(Root).EnumerateFiles("*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f.Name))
            .Count(id => IsId(id) && Read(id) is { MediaId: null } state && string.Equals(state.Owner, owner, StringComparison.Ordinal));
    }

    /// <summary>Starts an upload; answers its id.</summary>
    public string Create(string owner, long length, string? fileName, string? declaredType)
    {
        var id = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Root);
        using (new FileStream(PartPath(id), FileMode.CreateNew, FileAccess.Write))
        {
        }

        Save(id, new State(owner, length, fileName, declaredType, clock.GetUtcNow()));
        return id;
    }

    /// <summary>The upload and how much of it has arrived, when it exists and is <paramref name="owner"/>'s.</summary>
    public (State State, long Offset)? Find(string id, string owner)
    {
        if (!IsId(id) || Read(id) is not { } state || !string.Equals(state.Owner, owner, StringComparison.Ordinal))
        {
            return null;
        }

        var part = new FileInfo(PartPath(id));
        return (state, state.MediaId is not null ? state.Length : part.Exists ? part.Length : 0);
    }

    /// <summary>When the upload is dropped unless more arrives.</summary>
    public DateTimeOffset ExpiresAt(string id)
    {
        var part = new FileInfo(PartPath(id));
        var json = new FileInfo(StatePath(id));
        var last = part.Exists && part.LastWriteTimeUtc > json.LastWriteTimeUtc ? part.LastWriteTimeUtc : json.LastWriteTimeUtc;
        return new DateTimeOffset(last, TimeSpan.Zero) + MaxIdle;
    }

    /// <summary>
    /// The upload's bytes, held exclusively (across processes: .NET locks the file on Unix too) for one
    /// piece; null when another request is writing to it now (or it was just deleted).
    /// </summary>
    public FileStream? Hold(string id)
    {
        try
        {
            return new FileStream(PartPath(id), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        }
        catch (IOException)
        {
            // Locked by another request, or deleted since it was found.
            return null;
        }
    }

    /// <summary>The upload became the stored file <paramref name="mediaId"/>: its bytes go, the record of what it became stays until it expires.</summary>
    public void Completed(string id, State state, Guid mediaId)
    {
        Save(id, state with { MediaId = mediaId });
        File.Delete(PartPath(id));
    }

    public void Delete(string id)
    {
        File.Delete(PartPath(id));
        File.Delete(StatePath(id));
    }

    /// <summary>Removes uploads nothing was written to for <see cref="MaxIdle"/>; answers how many.</summary>
    public int RemoveExpired()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var json in new DirectoryInfo(Root).EnumerateFiles("*.json"))
        {
            var id = Path.GetFileNameWithoutExtension(json.Name);
            if (IsId(id) && ExpiresAt(id) < clock.GetUtcNow())
            {
                try
                {
                    Delete(id);
                    removed++;
                }
                catch (IOException)
                {
                    // Being written to right now: not expired after all.
                }
            }
        }

        return removed;
    }

    // Ids are made here as 32 hex digits; anything else never reaches a path.
    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private string PartPath(string id) => Path.Combine(Root, id + ".part");

    private string StatePath(string id) => Path.Combine(Root, id + ".json");

    private State? Read(string id)
    {
        try
        {
            return JsonSerializer.Deserialize<State>(File.ReadAllBytes(StatePath(id)), Json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    // Written beside and renamed over, so a reader never sees half a record.
    private void Save(string id, State state)
    {
        var temporary = StatePath(id) + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, Json));
        File.Move(temporary, StatePath(id), overwrite: true);
    }
}

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// One page of a portal's sync: changes (upserts and tombstones), the cursor to send next, and
/// whether more is waiting now (call again at once) or not (call again later with the same cursor).
/// </summary>
public sealed record SyncPage(IReadOnlyList<SyncRecord> Changes, string Cursor, bool More);

/// <summary>An entry as it is now (<see cref="Entry"/>), or its tombstone (<see cref="Deleted"/>: unpublished, withdrawn, deleted or no longer carried).</summary>
public sealed record SyncRecord(Guid ItemId, string Language, bool Deleted, SyncEntry? Entry);

/// <summary>
/// The entry's text and facts, as the portal's OData service would give them: for a video its length,
/// external address and transcript, for a promotional asset its type, rights and credit, and the files the
/// entry carries in its language (with absolute addresses under /files/{portal}/).
/// </summary>
public sealed record SyncEntry(
    string Kind, string Title, string? Summary, string Body, string Slug, Guid CategoryId, IReadOnlyList<string> Tags,
    DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool MachineTranslated, DateTimeOffset? SourceUpdatedAt,
    int? DurationSeconds, string? VideoUrl, string? AssetType, string? UsageRights, DateOnly? RightsExpireOn, string? Credit, string? Transcript = null)
{
    public IReadOnlyList<Portals.PortalFile> Files { get; init; } = [];

    /// <summary>The files as the read model keeps them, until their addresses are made.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<Domain.Publishing.PublishedFile>? Stored { get; init; }
}

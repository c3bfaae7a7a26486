namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// One page of a portal's sync: changes (upserts and tombstones), the cursor to send next, and
/// whether more is waiting now (call again at once) or not (call again later with the same cursor).
/// </summary>
public sealed record SyncPage(IReadOnlyList<SyncRecord> Changes, string Cursor, bool More);

/// <summary>An entry as it is now (<see cref="Entry"/>), or its tombstone (<see cref="Deleted"/>: unpublished, withdrawn, deleted or no longer carried).</summary>
public sealed record SyncRecord(Guid ItemId, string Language, bool Deleted, SyncEntry? Entry);

/// <summary>The entry's text and facts, as the portal's OData service would give them.</summary>
public sealed record SyncEntry(
    string Kind, string Title, string? Summary, string Body, string Slug, Guid CategoryId, IReadOnlyList<string> Tags,
    DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool MachineTranslated, DateTimeOffset? SourceUpdatedAt);

using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Syndication;

/// <summary>One published entry as feeds and sitemaps need it, with absolute links and names in the feed's language.</summary>
public sealed record FeedEntry(
    Guid ItemId, string Language, ContentKind Kind, string Title, string? Summary, string BodyHtml, Uri Link, string Id,
    DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string? Category, string? Author, IReadOnlyList<Enclosure> Enclosures);

/// <summary>A file an entry carries, as feeds link it: the video, the asset's file, subtitles (a size of 0 is unknown).</summary>
public sealed record Enclosure(Uri Url, string MediaType, long Size, string? Title);

/// <summary>A feed: what it is of, and its newest entries first.</summary>
public sealed record Feed(string Title, string Language, Uri Home, Uri Self, string Id, DateTimeOffset Updated, IReadOnlyList<FeedEntry> Entries);

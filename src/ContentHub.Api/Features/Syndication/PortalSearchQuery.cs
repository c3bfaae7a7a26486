namespace ContentHub.Api.Features.Syndication;

/// <summary>A reader's search on a portal.</summary>
/// <param name="Q">What to look for: words (all must occur), "quoted phrases", OR, NOT and parentheses.</param>
/// <param name="Language">The portal language to search in (default: its first); items without it are found in its fallbacks.</param>
/// <param name="Kind">Only article, video or promo-asset.</param>
/// <param name="Category">Only this category (its slug).</param>
/// <param name="From">Only items published at or after this instant.</param>
/// <param name="To">Only items published before this instant.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Hits per page, 1 to 50 (default 20).</param>
public sealed record PortalSearchQuery(
    string? Q = null,
    string? Language = null,
    string? Kind = null,
    string? Category = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? Page = null,
    int? PageSize = null);

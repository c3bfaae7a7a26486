using ContentHub.Domain.Publishing;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// A published item with the entry a portal is shown for it. Queries filter and order these pairs, so
/// that what all languages share (id, category, publication time) is read from the item's row, whose
/// index gives the newest first without a sort.
/// </summary>
public sealed class Listing
{
    public required PublishedItem Item { get; init; }

    public required PublishedEntry Entry { get; init; }
}

using ContentHub.Data;
using ContentHub.Domain.Publishing;

namespace ContentHub.Api.Features.OData;

/// <summary>A published item a portal shows, with the search row of the entry it shows.</summary>
public sealed class SearchListing
{
    public required PublishedItem Item { get; init; }

    public required PublishedEntrySearch Entry { get; init; }
}

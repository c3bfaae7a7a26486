namespace ContentHub.Domain.Content;

/// <summary>Where an item stands in the editorial workflow.</summary>
public enum EditorialState
{
    Draft,
    InReview,
    Approved,
    Scheduled,
    Published,
    Unpublished,
    Archived,
}

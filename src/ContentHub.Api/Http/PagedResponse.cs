namespace ContentHub.Api.Http;

/// <summary>One page of a list.</summary>
/// <param name="Items">The entries on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most entries a page holds.</param>
/// <param name="TotalCount">How many entries match in all.</param>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

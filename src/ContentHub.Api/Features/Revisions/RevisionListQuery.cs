using ContentHub.Api.Http;

namespace ContentHub.Api.Features.Revisions;

/// <summary>Which revisions of an item to list, newest first.</summary>
/// <param name="Language">Only the revisions of this variant; "item" for the item's own fields.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Entries per page, 1 to 100 (default 20).</param>
public sealed record RevisionListQuery([property: QueryValues(Languages = true, Also = [RevisionService.ItemScope])] string? Language = null, int? Page = null, int? PageSize = null);

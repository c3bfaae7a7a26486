using ContentHub.Api.Http;
using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Search;

/// <summary>A search of everything editors may see, drafts included.</summary>
/// <param name="Q">What to look for: words (all must occur), "quoted phrases", OR, NOT and parentheses.</param>
/// <param name="Kind">Only items of this kind: Article, Video or PromoAsset.</param>
/// <param name="State">Only items in this editorial state.</param>
/// <param name="CategoryId">Only items in this category.</param>
/// <param name="OrgUnitId">Only items owned by this organisation unit.</param>
/// <param name="Language">Only this language's text.</param>
/// <param name="UpdatedFrom">Only text last changed at or after this instant.</param>
/// <param name="UpdatedTo">Only text last changed before this instant.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Hits per page, 1 to 50 (default 20).</param>
public sealed record EditorialSearchQuery(
    string? Q = null,
    [property: QueryValues(typeof(ContentKind))] string? Kind = null,
    [property: QueryValues(typeof(EditorialState))] string? State = null,
    Guid? CategoryId = null,
    Guid? OrgUnitId = null,
    [property: QueryValues(Languages = true)] string? Language = null,
    DateTimeOffset? UpdatedFrom = null,
    DateTimeOffset? UpdatedTo = null,
    int? Page = null,
    int? PageSize = null);

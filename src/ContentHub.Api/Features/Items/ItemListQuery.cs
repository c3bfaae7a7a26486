using ContentHub.Api.Http;
using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Items;

/// <summary>Filters, order and page of the editorial item list.</summary>
/// <param name="Kind">Only items of this kind: Article, Video or PromoAsset.</param>
/// <param name="State">Only items in this editorial state.</param>
/// <param name="CategoryId">Only items in this category.</param>
/// <param name="OrgUnitId">Only items owned by this organisation unit.</param>
/// <param name="Language">Only items that have a variant in this language; titles are then shown in it.</param>
/// <param name="Sort">updatedAt, createdAt, -updatedAt (the default: newest first) or -createdAt.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Entries per page, 1 to 100 (default 20).</param>
public sealed record ItemListQuery(
    [property: QueryValues(typeof(ContentKind))] string? Kind = null,
    [property: QueryValues(typeof(EditorialState))] string? State = null,
    Guid? CategoryId = null,
    Guid? OrgUnitId = null,
    [property: QueryValues(Languages = true)] string? Language = null,
    [property: QueryValues(ItemList.SortUpdatedAt, ItemList.SortNewestUpdated, ItemList.SortCreatedAt, ItemList.SortNewestCreated)] string? Sort = null,
    int? Page = null,
    int? PageSize = null);

using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Items;

/// <summary>An item as the editorial list shows it.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Kind">Article, Video or PromoAsset.</param>
/// <param name="State">The editorial state.</param>
/// <param name="SourceLanguage">The language the item was written in.</param>
/// <param name="Title">The title in the filtered language, or else in the source language.</param>
/// <param name="Languages">The languages the item exists in.</param>
/// <param name="CategoryId">The item's category.</param>
/// <param name="OrgUnitId">The owning organisation unit.</param>
/// <param name="Sensitive">True when a second sign-off is needed before release.</param>
/// <param name="CreatedAt">When the item was created (UTC).</param>
/// <param name="UpdatedAt">When the item's own fields changed last (UTC).</param>
public sealed record ItemSummaryResponse(
    Guid Id,
    ContentKind Kind,
    EditorialState State,
    string SourceLanguage,
    string? Title,
    IReadOnlyList<string> Languages,
    Guid CategoryId,
    Guid OrgUnitId,
    bool Sensitive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

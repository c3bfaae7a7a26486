using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Items;

/// <summary>The editorial list: filtered, ordered with the id as tie-breaker so pages never overlap, and paged.</summary>
public sealed class ItemList(ContentHubDbContext db)
{
    public const string SortUpdatedAt = "updatedAt";
    public const string SortNewestUpdated = "-updatedAt";
    public const string SortCreatedAt = "createdAt";
    public const string SortNewestCreated = "-createdAt";

    private static readonly string[] Sorts = [SortUpdatedAt, SortNewestUpdated, SortCreatedAt, SortNewestCreated];

    public async Task<Outcome<PagedResponse<ItemSummaryResponse>>> QueryAsync(ItemListQuery query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var kind = EnumInput.Parse<ContentKind>(query.Kind, "kind", errors);
        var state = EnumInput.Parse<EditorialState>(query.State, "state", errors);
        LanguageTag? language = null;
        if (query.Language is not null && LanguageInput.TryParse(query.Language, "language", errors, out var parsed))
        {
            language = parsed;
        }

        var sort = query.Sort ?? "-updatedAt";
        errors.Require(Sorts.Contains(sort), "sort", "One of: " + string.Join(", ", Sorts) + ".");
        var (page, size) = PageRequest.Check(query.Page, query.PageSize, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<ItemSummaryResponse>>();
        }

        var items = db.Items.AsNoTracking();
        items = kind is { } k ? items.Where(i => i.Kind == k) : items;
        items = state is { } s ? items.Where(i => i.State == s) : items;
        items = query.CategoryId is { } category ? items.Where(i => i.CategoryId == category) : items;
        items = query.OrgUnitId is { } unit ? items.Where(i => i.OrgUnitId == unit) : items;
        items = language is { } l ? items.Where(i => i.Variants.Any(v => v.Language == l)) : items;

        var total = await items.CountAsync(cancellationToken).ConfigureAwait(false);
        var ordered = sort switch
        {
            "updatedAt" => items.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id),
            "createdAt" => items.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
            "-createdAt" => items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
            _ => items.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
        };
        var rows = await ordered
            .Skip((page - 1) * size)
            .Take(size)
            .Select(i => new
            {
                Item = i,
                Title = i.Variants.Where(v => language == null ? v.Language == i.SourceLanguage : v.Language == language).Select(v => v.Title).FirstOrDefault(),
                Languages = i.Variants.Select(v => v.Language).ToList(),
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        var summaries = rows.Select(row => new ItemSummaryResponse(
            row.Item.Id,
            row.Item.Kind,
            row.Item.State,
            row.Item.SourceLanguage.Code,
            row.Title,
            row.Languages.Select(l => l.Code).Order(StringComparer.Ordinal).ToList(),
            row.Item.CategoryId,
            row.Item.OrgUnitId,
            row.Item.Sensitive,
            row.Item.CreatedAt,
            row.Item.UpdatedAt)).ToList();
        return new PagedResponse<ItemSummaryResponse>(summaries, page, size, total);
    }
}

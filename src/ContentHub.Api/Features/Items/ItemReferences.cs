using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Items;

/// <summary>Checks that the category and organisation unit an item names exist, as field errors.</summary>
public sealed class ItemReferences(ContentHubDbContext db)
{
    public async Task CheckAsync(ItemDetails details, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == details.CategoryId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("categoryId", $"There is no category {details.CategoryId}.");
        }

        if (!await db.OrgUnits.AnyAsync(u => u.Id == details.OrgUnitId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("orgUnitId", $"There is no organisation unit {details.OrgUnitId}.");
        }
    }
}

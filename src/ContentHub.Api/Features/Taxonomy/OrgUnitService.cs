using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>Creates, changes and deletes organisation units.</summary>
public sealed class OrgUnitService(ContentHubDbContext db, TimeProvider clock)
{
    public Task<OrgUnit?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<Outcome<PagedResponse<OrgUnitResponse>>> ListAsync(int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (p, size) = PageRequest.Check(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<OrgUnitResponse>>();
        }

        return await db.OrgUnits.AsNoTracking().OrderBy(u => u.Code).ToPageAsync(p, size, OrgUnitResponse.From, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<OrgUnit>> CreateAsync(OrgUnitRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (code, names) = Check(request, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<OrgUnit>();
        }

        var unit = new OrgUnit(Guid.CreateVersion7(clock.GetUtcNow()), code!, request.Type, names);
        db.OrgUnits.Add(unit);
        return await SaveAsync(unit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<OrgUnit>> UpdateAsync(Guid id, OrgUnitRequest request, CancellationToken cancellationToken)
    {
        var unit = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (unit is null)
        {
            return new Outcome<OrgUnit>.NotFound($"Organisation unit {id}");
        }

        var errors = new FieldErrors();
        var (code, names) = Check(request, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<OrgUnit>();
        }

        unit.Update(code!, request.Type, names);
        return await SaveAsync(unit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var unit = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (unit is null)
        {
            return new Outcome<bool>.NotFound($"Organisation unit {id}");
        }

        var items = await db.Items.CountAsync(i => i.OrgUnitId == id, cancellationToken).ConfigureAwait(false);
        if (items > 0)
        {
            return new Outcome<bool>.InUse($"Organisation unit {unit.Code} owns {items} item(s); give them to another unit first.");
        }

        db.OrgUnits.Remove(unit);
        return (await SaveAsync(unit, cancellationToken).ConfigureAwait(false)).Map(_ => true);
    }

    private static (string? Code, Dictionary<Domain.Languages.LanguageTag, string> Names) Check(OrgUnitRequest request, FieldErrors errors)
    {
        var code = NamesInput.Key(request.Code, "code", errors);
        errors.Require(Enum.IsDefined(request.Type), "type", "One of: " + string.Join(", ", Enum.GetNames<OrgUnitType>()) + ".");
        return (code, NamesInput.Parse(request.Names, errors));
    }

    private async Task<Outcome<OrgUnit>> SaveAsync(OrgUnit unit, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return unit;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception, "ix_org_units_code"))
        {
            return new Outcome<OrgUnit>.Conflict($"Another organisation unit has the code '{unit.Code}'.");
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsForeignKeyViolation(exception))
        {
            return new Outcome<OrgUnit>.InUse("An item was given to this organisation unit meanwhile.");
        }
    }
}

using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Content;

/// <summary>
/// Loads and saves items for every feature that changes them (items, variants, workflow, revisions).
/// Each write checks If-Match against the row version and lets the database's version check catch a
/// concurrent writer that got in between, so that two people never overwrite each other unseen.
/// </summary>
public sealed class ItemStore(ContentHubDbContext db)
{
    public Task<ContentItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Items.Include(i => i.Variants).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>428 without If-Match, 412 when it names another version; null when the write may go ahead.</summary>
    public static Outcome<T>? Precondition<T>(string? ifMatch, uint current) => ETags.Evaluate(ifMatch, current) switch
    {
        ETags.Check.Missing => new Outcome<T>.PreconditionRequired(),
        ETags.Check.Stale => new Outcome<T>.PreconditionFailed(current),
        _ => null,
    };

    /// <summary>Saves, turning the database's refusals (stale version, slug taken meanwhile) into outcomes.</summary>
    public async Task<Outcome<ContentItem>> SaveAsync(ContentItem item, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return item;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<ContentItem>.PreconditionFailed(null);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception, "ix_content_variants_kind_language_slug"))
        {
            var slug = db.ChangeTracker.Entries<ContentVariant>().FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified)?.Entity;
            return new Outcome<ContentItem>.SlugTaken(slug?.Slug ?? string.Empty, slug?.Language.Code ?? string.Empty);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsForeignKeyViolation(exception))
        {
            return new Outcome<ContentItem>.Conflict("A category or organisation unit the item refers to was deleted meanwhile.");
        }
    }
}

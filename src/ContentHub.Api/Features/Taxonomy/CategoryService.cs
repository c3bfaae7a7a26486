using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>Creates, changes and deletes categories, keeping the hierarchy a tree of bounded depth.</summary>
public sealed class CategoryService(ContentHubDbContext db, TimeProvider clock)
{
    public Task<Category?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Outcome<PagedResponse<CategoryResponse>>> ListAsync(int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (p, size) = PageRequest.Check(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<CategoryResponse>>();
        }

        return await db.Categories.AsNoTracking().OrderBy(c => c.Slug).ToPageAsync(p, size, CategoryResponse.From, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<Category>> CreateAsync(CategoryRequest request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var errors = new FieldErrors();
        var (slug, names) = await CheckAsync(id, request, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Any)
        {
            return errors.ToOutcome<Category>();
        }

        var category = new Category(id, slug!, request.ParentId, names);
        db.Categories.Add(category);
        return await SaveAsync(category, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<Category>> UpdateAsync(Guid id, CategoryRequest request, CancellationToken cancellationToken)
    {
        var category = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (category is null)
        {
            return new Outcome<Category>.NotFound($"Category {id}");
        }

        var errors = new FieldErrors();
        var (slug, names) = await CheckAsync(id, request, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Any)
        {
            return errors.ToOutcome<Category>();
        }

        category.Update(slug!, request.ParentId, names);
        return await SaveAsync(category, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var category = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (category is null)
        {
            return new Outcome<bool>.NotFound($"Category {id}");
        }

        var items = await db.Items.CountAsync(i => i.CategoryId == id, cancellationToken).ConfigureAwait(false);
        var children = await db.Categories.CountAsync(c => c.ParentId == id, cancellationToken).ConfigureAwait(false);
        if (items > 0 || children > 0)
        {
            return new Outcome<bool>.InUse($"Category {category.Slug} is used by {items} item(s) and has {children} sub-categor(ies); move them first.");
        }

        db.Categories.Remove(category);
        return (await SaveAsync(category, cancellationToken).ConfigureAwait(false)).Map(_ => true);
    }

    private async Task<(string? Slug, Dictionary<Domain.Languages.LanguageTag, string> Names)> CheckAsync(
        Guid id, CategoryRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        var slug = NamesInput.Key(request.Slug, "slug", errors);
        var names = NamesInput.Parse(request.Names, errors);
        if (request.ParentId is { } parentId)
        {
            await CheckParentAsync(id, parentId, errors, cancellationToken).ConfigureAwait(false);
        }

        return (slug, names);
    }

    // Walks up from the new parent: meeting the category itself would close a cycle.
    private async Task CheckParentAsync(Guid id, Guid parentId, FieldErrors errors, CancellationToken cancellationToken)
    {
        var parents = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken).ConfigureAwait(false);
        if (!parents.ContainsKey(parentId))
        {
            errors.Add("parentId", $"There is no category {parentId}.");
            return;
        }

        var depth = 1;
        for (Guid? current = parentId; current is { } node; current = parents.GetValueOrDefault(node), depth++)
        {
            if (node == id)
            {
                errors.Add("parentId", "A category cannot be placed below itself or one of its sub-categories.");
                return;
            }

            if (depth >= Category.MaxDepth)
            {
                errors.Add("parentId", $"Categories nest at most {Category.MaxDepth} levels deep.");
                return;
            }
        }
    }

    private async Task<Outcome<Category>> SaveAsync(Category category, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return category;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception, "ix_categories_slug"))
        {
            return new Outcome<Category>.Conflict($"Another category has the slug '{category.Slug}'.");
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsForeignKeyViolation(exception))
        {
            return new Outcome<Category>.InUse("The category's parent was deleted, or an item was filed under it, meanwhile.");
        }
    }
}

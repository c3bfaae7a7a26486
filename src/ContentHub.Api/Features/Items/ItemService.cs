using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Rendering;
using ContentHub.Api.Features.Workflow;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Revisions;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Items;

/// <summary>
/// Writes items and variants. Each write checks If-Match against the row version, saves the change
/// and its revision in one transaction, and lets the database's version check catch a concurrent
/// writer that got in between, so that two editors can never overwrite each other unseen.
/// </summary>
public sealed class ItemService(ContentHubDbContext db, MarkdownRenderer renderer, SlugAllocator slugs, ItemReferences references, ItemAccess access, AuditLog audit, TimeProvider clock)
{
    public Task<ContentItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Items.Include(i => i.Variants).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<Outcome<ContentItem>> CreateAsync(CreateItemRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Require(Enum.IsDefined(request.Kind), "kind", "Article, Video or PromoAsset.");
        ItemInput.TryLanguage(request.SourceLanguage, "sourceLanguage", errors, out var language);
        var details = ItemInput.Details(request.Kind, request.OrgUnitId, request.CategoryId, request.Tags, request.Sensitive, request.Video, request.Promo, errors);
        var draft = ItemInput.Variant(request.Variant, "variant.", errors);
        if (details is null || draft is null || errors.Any)
        {
            return errors.ToOutcome<ContentItem>();
        }

        await references.CheckAsync(details, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Any)
        {
            return errors.ToOutcome<ContentItem>();
        }

        if (!access.CanCreateIn(details.OrgUnitId))
        {
            return new Outcome<ContentItem>.Forbidden("Editors create items for their own organisation unit.");
        }

        var now = clock.GetUtcNow();
        var item = ContentItem.Create(Guid.CreateVersion7(now), request.Kind, language, details, actor, now);
        var slug = await ChooseSlugAsync(item, language, draft, currentSlug: null, cancellationToken).ConfigureAwait(false);
        if (slug is null)
        {
            return new Outcome<ContentItem>.SlugTaken(draft.Slug!, language.Code);
        }

        var variant = item.AddVariant(language, Render(draft, slug), actor, now);
        db.Items.Add(item);
        db.Revisions.Add(Revision.Of(item.Id, null, RevisionAction.Created, ItemSnapshot.Of(item).ToJson(), actor, now));
        db.Revisions.Add(Revision.Of(item.Id, language, RevisionAction.Created, VariantSnapshot.Of(variant).ToJson(), actor, now));
        audit.Add("item.created", item.Id, language.Code, toState: item.State.ToString(), details: $"{item.Kind}: {variant.Title}");
        return await SaveAsync(item, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<ContentItem>> UpdateAsync(Guid id, UpdateItemRequest request, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<ContentItem>.NotFound($"Item {id}");
        }

        if (!access.CanEdit(item))
        {
            return new Outcome<ContentItem>.Forbidden("Only the owning unit's editors change this item.");
        }

        var errors = new FieldErrors();
        var details = ItemInput.Details(item.Kind, request.OrgUnitId, request.CategoryId, request.Tags, request.Sensitive, request.Video, request.Promo, errors);
        if (details is not null)
        {
            await references.CheckAsync(details, errors, cancellationToken).ConfigureAwait(false);
        }

        if (details is null || errors.Any)
        {
            return errors.ToOutcome<ContentItem>();
        }

        if (!access.CanCreateIn(details.OrgUnitId))
        {
            return new Outcome<ContentItem>.Forbidden("An item can be given only to a unit you work for.");
        }

        if (Precondition<ContentItem>(ifMatch, item.Version) is { } failed)
        {
            return failed;
        }

        var now = clock.GetUtcNow();
        item.Update(details, actor, now);
        db.Revisions.Add(Revision.Of(item.Id, null, RevisionAction.Updated, ItemSnapshot.Of(item).ToJson(), actor, now));
        audit.Add("item.updated", item.Id);
        ReopenReviewOnChange(item, now);
        return await SaveAsync(item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the variant (201) or replaces it (200, If-Match required).</summary>
    public async Task<Outcome<(ContentItem Item, ContentVariant Variant, bool Created)>> PutVariantAsync(
        Guid id, string languageTag, VariantRequest request, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ItemInput.TryLanguage(languageTag, "language", errors, out var language);
        var draft = ItemInput.Variant(request, string.Empty, errors);
        if (draft is null || errors.Any)
        {
            return errors.ToOutcome<(ContentItem, ContentVariant, bool)>();
        }

        var item = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<(ContentItem, ContentVariant, bool)>.NotFound($"Item {id}");
        }

        if (!access.CanWrite(item, language))
        {
            return new Outcome<(ContentItem, ContentVariant, bool)>.Forbidden(
                $"Only the owning unit's editors, or translators assigned {language} (not the source language), write this text.");
        }

        var variant = item.FindVariant(language);
        if (variant is not null && Precondition<(ContentItem, ContentVariant, bool)>(ifMatch, variant.Version) is { } failed)
        {
            return failed;
        }

        var slug = await ChooseSlugAsync(item, language, draft, variant?.Slug, cancellationToken).ConfigureAwait(false);
        if (slug is null)
        {
            return new Outcome<(ContentItem, ContentVariant, bool)>.SlugTaken(draft.Slug!, language.Code);
        }

        var now = clock.GetUtcNow();
        var text = Render(draft, slug);
        var created = variant is null;
        if (variant is null)
        {
            variant = item.AddVariant(language, text, actor, now);
        }
        else
        {
            variant.Replace(text, actor, now);
        }

        var action = created ? RevisionAction.Created : RevisionAction.Updated;
        db.Revisions.Add(Revision.Of(item.Id, language, action, VariantSnapshot.Of(variant).ToJson(), actor, now));
        audit.Add(created ? "variant.created" : "variant.updated", item.Id, language.Code);
        if (language == item.SourceLanguage)
        {
            ReopenReviewOnChange(item, now);
        }

        return (await SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => (saved, variant, created));
    }

    public async Task<Outcome<bool>> DeleteItemAsync(Guid id, string? ifMatch, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<bool>.NotFound($"Item {id}");
        }

        if (!access.CanEdit(item))
        {
            return new Outcome<bool>.Forbidden("Only the owning unit's editors delete this item.");
        }

        if (Precondition<bool>(ifMatch, item.Version) is { } failed)
        {
            return failed;
        }

        if (item.State != EditorialState.Draft)
        {
            return new Outcome<bool>.Conflict($"Only a draft can be deleted; this item is {item.State}.");
        }

        db.Items.Remove(item);
        audit.Add("item.deleted", item.Id, details: item.FindVariant(item.SourceLanguage)?.Title);
        return (await SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(_ => true);
    }

    public async Task<Outcome<bool>> DeleteVariantAsync(Guid id, string languageTag, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!ItemInput.TryLanguage(languageTag, "language", errors, out var language))
        {
            return errors.ToOutcome<bool>();
        }

        var item = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        var variant = item?.FindVariant(language);
        if (item is null || variant is null)
        {
            return new Outcome<bool>.NotFound($"The {language} variant of item {id}");
        }

        if (!access.CanWrite(item, language))
        {
            return new Outcome<bool>.Forbidden($"You may not delete the {language} text of this item.");
        }

        if (Precondition<bool>(ifMatch, variant.Version) is { } failed)
        {
            return failed;
        }

        if (item.State != EditorialState.Draft)
        {
            return new Outcome<bool>.Conflict($"Only a draft's variants can be deleted; this item is {item.State}. Withdraw the language instead.");
        }

        if (language == item.SourceLanguage)
        {
            return new Outcome<bool>.Conflict($"The source-language ({language}) variant cannot be deleted; delete the item instead.");
        }

        item.RemoveVariant(variant);
        audit.Add("variant.deleted", item.Id, language.Code);
        return (await SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(_ => true);
    }

    /// <summary>
    /// Changing approved content re-opens review for what changed. A change of the item's fields or of
    /// its source text sends an approved or scheduled item back to review (and drops the schedule);
    /// a translation's approval simply stops counting until a reviewer approves the new text.
    /// </summary>
    public void ReopenReviewOnChange(ContentItem item, DateTimeOffset now)
    {
        if (item.State is EditorialState.Approved or EditorialState.Scheduled)
        {
            audit.Add("workflow.review-reopened", item.Id, fromState: item.State.ToString(), toState: nameof(EditorialState.InReview));
            item.MoveTo(EditorialState.InReview, now);
        }
    }

    /// <summary>Renders the Markdown once, at save time.</summary>
    public VariantText Render(VariantDraft draft, string slug) =>
        new(draft.Title, draft.Summary, draft.BodyMarkdown, renderer.ToHtml(draft.BodyMarkdown), slug, draft.SeoDescription);

    /// <summary>The editor's slug (null when another item has it); else the current one; else one made from the title.</summary>
    public async Task<string?> ChooseSlugAsync(ContentItem item, LanguageTag language, VariantDraft draft, string? currentSlug, CancellationToken cancellationToken)
    {
        if (draft.Slug is { } wanted)
        {
            var taken = wanted != currentSlug && await slugs.IsTakenAsync(item.Kind, language, wanted, item.Id, cancellationToken).ConfigureAwait(false);
            return taken ? null : wanted;
        }

        return currentSlug ?? await slugs.FromTitleAsync(item.Kind, language, draft.Title, item.Id, cancellationToken).ConfigureAwait(false);
    }

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

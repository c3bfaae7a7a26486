using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Revisions;

namespace ContentHub.Api.Features.Items;

/// <summary>
/// Creates, changes and deletes items and their variants through the editorial API: checks the
/// request and who may make it, then writes through <see cref="ItemStore"/> and, for a variant's
/// text, <see cref="VariantWriter"/>. Each change and its revision are saved in one transaction.
/// </summary>
public sealed class ItemService(
    ContentHubDbContext db, ItemStore store, VariantWriter variants, ReviewReopening review, ItemReferences references, ItemAccess access, AuditLog audit, TimeProvider clock)
{

    public async Task<Outcome<ContentItem>> CreateAsync(CreateItemRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Require(Enum.IsDefined(request.Kind), "kind", "Article, Video or PromoAsset.");
        LanguageInput.TryParse(request.SourceLanguage, "sourceLanguage", errors, out var language);
        var details = ItemInput.Details(request.Kind, request.OrgUnitId, request.CategoryId, request.Tags, request.Sensitive, request.Video, request.Promo, errors);
        var draft = ItemInput.Variant(request.Variant, "variant.", errors);
        errors.Require(draft?.Transcript is null || request.Kind == ContentKind.Video, "variant.transcript", "Only a video has a transcript.");
        if (details is null || draft is null || errors.Any)
        {
            return errors.ToOutcome<ContentItem>();
        }

        details = await references.CheckAsync(details, errors, cancellationToken).ConfigureAwait(false);
        await references.CheckImagesAsync(draft.BodyMarkdown, "variant.bodyMarkdown", errors, cancellationToken).ConfigureAwait(false);
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
        var slug = await variants.ChooseSlugAsync(item, language, draft, currentSlug: null, cancellationToken).ConfigureAwait(false);
        if (slug is null)
        {
            return new Outcome<ContentItem>.SlugTaken(draft.Slug!, language.Code);
        }

        var variant = item.AddVariant(language, variants.Render(draft, slug), actor, now);
        db.Items.Add(item);
        db.Revisions.Add(Revision.Of(item.Id, null, RevisionAction.Created, ItemSnapshot.Of(item).ToJson(), actor, now));
        db.Revisions.Add(Revision.Of(item.Id, language, RevisionAction.Created, VariantSnapshot.Of(variant).ToJson(), actor, now));
        audit.Add("item.created", item.Id, language.Code, toState: item.State.ToString(), details: $"{item.Kind}: {variant.Title}");
        return await store.SaveAsync(item, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<ContentItem>> UpdateAsync(Guid id, UpdateItemRequest request, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
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
            details = await references.CheckAsync(details, errors, cancellationToken).ConfigureAwait(false);
        }

        if (details is null || errors.Any)
        {
            return errors.ToOutcome<ContentItem>();
        }

        if (!access.CanCreateIn(details.OrgUnitId))
        {
            return new Outcome<ContentItem>.Forbidden("An item can be given only to a unit you work for.");
        }

        if (ItemStore.Precondition<ContentItem>(ifMatch, item.Version) is { } failed)
        {
            return failed;
        }

        var now = clock.GetUtcNow();
        item.Update(details, actor, now);
        db.Revisions.Add(Revision.Of(item.Id, null, RevisionAction.Updated, ItemSnapshot.Of(item).ToJson(), actor, now));
        audit.Add("item.updated", item.Id);
        review.AfterChange(item, now);
        return await store.SaveAsync(item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the variant (201) or replaces it (200, If-Match required).</summary>
    public async Task<Outcome<VariantWritten>> PutVariantAsync(
        Guid id, string languageTag, VariantRequest request, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        LanguageInput.TryParse(languageTag, "language", errors, out var language);
        var draft = ItemInput.Variant(request, string.Empty, errors);
        if (draft is not null)
        {
            await references.CheckImagesAsync(draft.BodyMarkdown, "bodyMarkdown", errors, cancellationToken).ConfigureAwait(false);
        }

        if (draft is null || errors.Any)
        {
            return errors.ToOutcome<VariantWritten>();
        }

        var item = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<VariantWritten>.NotFound($"Item {id}");
        }

        if (!access.CanWrite(item, language))
        {
            return new Outcome<VariantWritten>.Forbidden(
                $"Only the owning unit's editors, or translators assigned {language} (not the source language), write this text.");
        }

        if (draft.Transcript is not null && item.Kind != ContentKind.Video)
        {
            return new Outcome<VariantWritten>.Invalid(new() { ["transcript"] = [$"Only a video has a transcript; this item is a {item.Kind}."] });
        }

        return await variants.WriteAsync(item, language, draft, ifMatch, actor, VariantOrigin.Written, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<bool>> DeleteItemAsync(Guid id, string? ifMatch, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<bool>.NotFound($"Item {id}");
        }

        if (!access.CanEdit(item))
        {
            return new Outcome<bool>.Forbidden("Only the owning unit's editors delete this item.");
        }

        if (ItemStore.Precondition<bool>(ifMatch, item.Version) is { } failed)
        {
            return failed;
        }

        if (item.State != EditorialState.Draft)
        {
            return new Outcome<bool>.Conflict($"Only a draft can be deleted; this item is {item.State}.");
        }

        db.Items.Remove(item);
        audit.Add("item.deleted", item.Id, details: item.FindVariant(item.SourceLanguage)?.Title);
        return (await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(_ => true);
    }

    public async Task<Outcome<bool>> DeleteVariantAsync(Guid id, string languageTag, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!LanguageInput.TryParse(languageTag, "language", errors, out var language))
        {
            return errors.ToOutcome<bool>();
        }

        var item = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        var variant = item?.FindVariant(language);
        if (item is null || variant is null)
        {
            return new Outcome<bool>.NotFound($"The {language} variant of item {id}");
        }

        if (!access.CanWrite(item, language))
        {
            return new Outcome<bool>.Forbidden($"You may not delete the {language} text of this item.");
        }

        if (ItemStore.Precondition<bool>(ifMatch, variant.Version) is { } failed)
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
        return (await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(_ => true);
    }
}

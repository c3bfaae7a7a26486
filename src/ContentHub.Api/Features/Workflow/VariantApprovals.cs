using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Publishing;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.People;
using ContentHub.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Workflow;

/// <summary>
/// Languages publish on their own: once the item itself is approved, each further language is
/// approved (and, for a sensitive item, signed off) by itself, and can be withdrawn by itself.
/// </summary>
public sealed class VariantApprovals(ContentHubDbContext db, ItemService items, CurrentUser user, AuditLog audit, PublicationProjector publication, TimeProvider clock)
{
    private static readonly EditorialState[] ApprovedStates =
        [EditorialState.Approved, EditorialState.Scheduled, EditorialState.Published, EditorialState.Unpublished];

    public enum VariantStep
    {
        Approve,
        SignOff,
        Withdraw,
    }

    public async Task<Outcome<(ContentItem Item, ContentVariant Variant)>> TakeAsync(Guid itemId, string languageTag, VariantStep step, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!ItemInput.TryLanguage(languageTag, "language", errors, out var language))
        {
            return errors.ToOutcome<(ContentItem, ContentVariant)>();
        }

        var item = await items.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item?.FindVariant(language) is not { } variant)
        {
            return new Outcome<(ContentItem, ContentVariant)>.NotFound($"The {language} variant of item {itemId}");
        }

        if (Refusal(item, variant, step) is { } refused)
        {
            return refused;
        }

        if (ItemService.Precondition<(ContentItem, ContentVariant)>(ifMatch, variant.Version) is { } failed)
        {
            return failed;
        }

        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        var revision = latest.Of(language)!.Value;
        var now = clock.GetUtcNow();
        switch (step)
        {
            case VariantStep.Approve:
                var author = await db.Revisions.AsNoTracking().Where(r => r.Id == revision).Select(r => r.Author).SingleAsync(cancellationToken).ConfigureAwait(false);
                if (author == user.Name || item.CreatedBy == user.Name)
                {
                    return new Outcome<(ContentItem, ContentVariant)>.Forbidden("Nobody approves their own work: you wrote this text or created the item.");
                }

                variant.RecordReview(new Approval(revision, user.Name, now));
                break;
            case VariantStep.SignOff:
                if (variant.Review?.Covers(revision) != true || variant.Review.By == user.Name)
                {
                    return new Outcome<(ContentItem, ContentVariant)>.Conflict("Sign off text a reviewer approved as it stands, and not your own approval.");
                }

                variant.RecordSignOff(new Approval(revision, user.Name, now));
                break;
            case VariantStep.Withdraw:
                variant.Withdraw();
                break;
        }

        await publication.RefreshAsync(item, latest, cancellationToken).ConfigureAwait(false);
        audit.Add(step switch { VariantStep.Approve => "variant.approve", VariantStep.SignOff => "variant.sign-off", _ => "variant.withdraw" }, item.Id, language.Code, details: $"revision={revision}");
        return (await items.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => (saved, variant));
    }

    private Outcome<(ContentItem, ContentVariant)>? Refusal(ContentItem item, ContentVariant variant, VariantStep step)
    {
        var reach = user.Has(Role.Admin) || user.Has(Role.Lead) || user.WorksFor(item.OrgUnitId);
        var allowed = step switch
        {
            VariantStep.Approve => user.Has(Role.Admin) || (user.Has(Role.Reviewer) && reach),
            VariantStep.SignOff => user.Has(Role.Admin) || user.Has(Role.Lead),
            _ => reach && (user.Has(Role.Admin) || user.Has(Role.Editor) || user.Has(Role.Reviewer) || user.Has(Role.Lead)),
        };
        if (!allowed)
        {
            return new Outcome<(ContentItem, ContentVariant)>.Forbidden($"You may not {step} languages of this item.");
        }

        if (!ApprovedStates.Contains(item.State))
        {
            return new Outcome<(ContentItem, ContentVariant)>.Conflict($"Languages are approved one by one once the item is approved; this item is {item.State}. Use the item's Approve step.");
        }

        if (step == VariantStep.SignOff && !item.Sensitive)
        {
            return new Outcome<(ContentItem, ContentVariant)>.Conflict("Only sensitive items need a lead's sign-off.");
        }

        if (step == VariantStep.Withdraw && variant.Language == item.SourceLanguage)
        {
            return new Outcome<(ContentItem, ContentVariant)>.Conflict("The source language cannot be withdrawn on its own; unpublish the item.");
        }

        return null;
    }
}

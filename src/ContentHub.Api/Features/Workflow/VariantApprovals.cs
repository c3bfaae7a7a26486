using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Publishing;
using ContentHub.Api.Features.Translation;
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
public sealed class VariantApprovals(
    ContentHubDbContext db, ItemStore store, CurrentUser user, AuditLog audit, PublicationProjector publication, ApprovalFollowUp translation, TimeProvider clock)
{
    private static readonly EditorialState[] ApprovedStates =
        [EditorialState.Approved, EditorialState.Scheduled, EditorialState.Published, EditorialState.Unpublished];

    public enum VariantStep
    {
        Approve,
        SignOff,
        Withdraw,
    }

    public async Task<Outcome<ItemVariant>> TakeAsync(Guid itemId, string languageTag, VariantStep step, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!LanguageInput.TryParse(languageTag, "language", errors, out var language))
        {
            return errors.ToOutcome<ItemVariant>();
        }

        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item?.FindVariant(language) is not { } variant)
        {
            return new Outcome<ItemVariant>.NotFound($"The {language} variant of item {itemId}");
        }

        if (Refusal(item, variant, step) is { } refused)
        {
            return refused;
        }

        if (ItemStore.Precondition<ItemVariant>(ifMatch, variant.Version) is { } failed)
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
                if (author == user.Name || item.CreatedBy == user.Name || variant.Translation?.TranslatedBy == user.Name)
                {
                    return new Outcome<ItemVariant>.Forbidden("Nobody approves their own work: you wrote this text or created the item.");
                }

                variant.RecordReview(new Approval(revision, user.Name, now));
                await translation.AfterApprovalAsync(item, [variant], user.Name, cancellationToken).ConfigureAwait(false);
                break;
            case VariantStep.SignOff:
                if (variant.Review?.Covers(revision) != true || variant.Review.By == user.Name)
                {
                    return new Outcome<ItemVariant>.Conflict("Sign off text a reviewer approved as it stands, and not your own approval.");
                }

                variant.RecordSignOff(new Approval(revision, user.Name, now));
                break;
            case VariantStep.Withdraw:
                variant.Withdraw();
                break;
        }

        await publication.RefreshAsync(item, latest, cancellationToken).ConfigureAwait(false);
        audit.Add(step switch { VariantStep.Approve => "variant.approve", VariantStep.SignOff => "variant.sign-off", _ => "variant.withdraw" }, item.Id, language.Code, details: $"revision={revision}");
        return (await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => new ItemVariant(saved, variant));
    }

    private Outcome<ItemVariant>? Refusal(ContentItem item, ContentVariant variant, VariantStep step)
    {
        var reach = user.Has(Role.Admin) || user.Has(Role.Lead) || user.WorksFor(item.OrgUnitId);
        var allowed = step switch
        {
            VariantStep.Approve => user.Has(Role.Admin) || (user.Has(Role.Reviewer) && reach) || (variant.Language != item.SourceLanguage && user.Proofreads(variant.Language)),
            VariantStep.SignOff => user.Has(Role.Admin) || user.Has(Role.Lead),
            _ => reach && (user.Has(Role.Admin) || user.Has(Role.Editor) || user.Has(Role.Reviewer) || user.Has(Role.Lead)),
        };
        if (!allowed)
        {
            return new Outcome<ItemVariant>.Forbidden($"You may not {step} languages of this item.");
        }

        if (!ApprovedStates.Contains(item.State))
        {
            return new Outcome<ItemVariant>.Conflict($"Languages are approved one by one once the item is approved; this item is {item.State}. Use the item's Approve step.");
        }

        if (step == VariantStep.SignOff && !item.Sensitive)
        {
            return new Outcome<ItemVariant>.Conflict("Only sensitive items need a lead's sign-off.");
        }

        if (step == VariantStep.Withdraw && variant.Language == item.SourceLanguage)
        {
            return new Outcome<ItemVariant>.Conflict("The source language cannot be withdrawn on its own; unpublish the item.");
        }

        return null;
    }
}

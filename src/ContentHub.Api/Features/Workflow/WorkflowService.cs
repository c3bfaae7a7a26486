using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Publishing;
using ContentHub.Api.Features.Translation;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Workflow;

/// <summary>
/// Takes workflow steps. Each step is looked up in <see cref="WorkflowTable"/>; the service adds what
/// the table cannot say: four eyes (nobody approves or signs off their own work, and the lead is not
/// the reviewer), approvals bound to exact revisions, and the content being ready to publish.
/// </summary>
public sealed class WorkflowService(
    ContentHubDbContext db, ItemStore store, ItemAccess access, AuditLog audit, PublicationProjector publication, ApprovalFollowUp translation, TimeProvider clock)
{
    public async Task<Outcome<ContentItem>> TakeAsync(Guid itemId, WorkflowAction action, WorkflowRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<ContentItem>.NotFound($"Item {itemId}");
        }

        var transition = WorkflowTable.Find(action, item.State);
        if (transition is null)
        {
            return new Outcome<ContentItem>.Conflict(
                $"{action} is not possible from {item.State}. From {item.State}: {string.Join(", ", WorkflowTable.ActionsFrom(item.State))}.",
                WorkflowTable.ActionsFrom(item.State).Select(a => a.ToString()).ToList());
        }

        if (!access.CanTake(transition, item))
        {
            return new Outcome<ContentItem>.Forbidden($"{action} needs the role {string.Join(" or ", transition.Roles)} for this item's unit.");
        }

        if (ItemStore.Precondition<ContentItem>(ifMatch, item.Version) is { } failed)
        {
            return failed;
        }

        var errors = new FieldErrors();
        // The table says which steps need a reason; the reason is what the audit log records of them.
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (transition.ReasonRequired && reason is null)
        {
            errors.Add("reason", $"Say why: {Kebab(action)} needs a reason.");
            return errors.ToOutcome<ContentItem>();
        }

        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var from = item.State;
        var details = transition.ReasonRequired ? reason : null;
        switch (action)
        {
            case WorkflowAction.Approve:
                var approved = await ApproveAsync(item, request, latest, now, errors, cancellationToken).ConfigureAwait(false);
                if (approved is not null)
                {
                    return approved;
                }

                details = $"revisions: {Describe(item, latest, v => v.Review)}";
                break;
            case WorkflowAction.SignOff:
                if (SignOff(item, request, latest, now, errors) is { } refused)
                {
                    return refused;
                }

                details = $"revisions: {Describe(item, latest, v => v.SignOff)}";
                break;
            case WorkflowAction.Return:
                item.ClearApprovals();
                break;
            case WorkflowAction.Reopen:
                item.ClearApprovals();
                break;
            case WorkflowAction.Schedule:
                Schedule(item, request, now, errors);
                details = $"publishAt={item.PublishAt:O} unpublishAt={item.UnpublishAt:O}";
                break;
            case WorkflowAction.Publish or WorkflowAction.Republish:
                SetUnpublishTime(item, request, now, errors);
                break;
        }

        if (errors.Any)
        {
            return errors.ToOutcome<ContentItem>();
        }

        if (transition.NeedsReadyContent && latest.MissingForPublication(item) is { Count: > 0 } missing)
        {
            return new Outcome<ContentItem>.Conflict($"{action} needs approved content: {string.Join("; ", missing)}.", null);
        }

        // MoveTo keeps the times the new state uses (set above) and clears the others.
        item.MoveTo(transition.To, now);
        await publication.RefreshAsync(item, latest, cancellationToken).ConfigureAwait(false);
        audit.Add("workflow." + Kebab(action), item.Id, fromState: from.ToString(), toState: item.State.ToString(), details: details);
        return await store.SaveAsync(item, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Outcome<ContentItem>?> ApproveAsync(ContentItem item, WorkflowRequest request, LatestRevisions latest, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        var variants = Covered(item, request, errors);
        if (errors.Any)
        {
            return null;
        }

        var authors = await AuthorsAsync(item, latest, variants, cancellationToken).ConfigureAwait(false);
        if (item.CreatedBy == access.Name || authors.Contains(access.Name))
        {
            return new Outcome<ContentItem>.Forbidden("Nobody approves their own work: you created this item or wrote what is to be approved.");
        }

        item.RecordReview(new Approval(latest.ItemFields!.Value, access.Name, now));
        foreach (var variant in variants)
        {
            variant.RecordReview(new Approval(latest.Of(variant.Language)!.Value, access.Name, now));
        }

        await translation.AfterApprovalAsync(item, variants, access.Name, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private Outcome<ContentItem>? SignOff(ContentItem item, WorkflowRequest request, LatestRevisions latest, DateTimeOffset now, FieldErrors errors)
    {
        if (!item.Sensitive)
        {
            return new Outcome<ContentItem>.Conflict("Only sensitive items need a lead's sign-off.", null);
        }

        var variants = Covered(item, request, errors);
        if (errors.Any)
        {
            return null;
        }

        if (item.CreatedBy == access.Name || item.Review?.By == access.Name || variants.Any(v => v.Review?.By == access.Name))
        {
            return new Outcome<ContentItem>.Forbidden("The sign-off must come from a second person: not the author, not the reviewer.");
        }

        if (item.Review?.Covers(latest.ItemFields) != true || variants.Any(v => v.Review?.Covers(latest.Of(v.Language)) != true))
        {
            return new Outcome<ContentItem>.Conflict("Sign off what a reviewer approved: some of this content changed since, or was never approved.", null);
        }

        item.RecordSignOff(new Approval(latest.ItemFields!.Value, access.Name, now));
        foreach (var variant in variants)
        {
            variant.RecordSignOff(new Approval(latest.Of(variant.Language)!.Value, access.Name, now));
        }

        return null;
    }

    // The languages a step covers: those named (the source language among them), or every variant.
    private static List<ContentVariant> Covered(ContentItem item, WorkflowRequest request, FieldErrors errors)
    {
        if (request.Languages is not { Count: > 0 } names)
        {
            return [.. item.Variants];
        }

        var variants = new List<ContentVariant>();
        foreach (var name in names)
        {
            if (LanguageInput.TryParse(name, "languages", errors, out var language))
            {
                if (item.FindVariant(language) is { } variant)
                {
                    variants.Add(variant);
                }
                else
                {
                    errors.Add("languages", $"The item has no {language} variant.");
                }
            }
        }

        errors.Require(variants.Any(v => v.Language == item.SourceLanguage), "languages", $"The source language ({item.SourceLanguage}) is always part of an approval.");
        return variants;
    }

    private async Task<HashSet<string>> AuthorsAsync(ContentItem item, LatestRevisions latest, List<ContentVariant> variants, CancellationToken cancellationToken)
    {
        var revisionIds = variants.Select(v => latest.Of(v.Language)).Append(latest.ItemFields).OfType<long>().ToList();
        var authors = await db.Revisions.AsNoTracking().Where(r => r.ItemId == item.Id && revisionIds.Contains(r.Id)).Select(r => r.Author)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. authors];
    }

    private static void Schedule(ContentItem item, WorkflowRequest request, DateTimeOffset now, FieldErrors errors)
    {
        if (!Timestamps.TryParse(request.PublishAt, out var publishAt))
        {
            errors.Add("publishAt", "A time with its offset is required, for example 2026-12-01T08:00:00+07:00.");
            return;
        }

        errors.Require(publishAt > now, "publishAt", "The publication time must be in the future.");
        item.ScheduleFor(publishAt.ToUniversalTime(), item.UnpublishAt);
        SetUnpublishTime(item, request, publishAt > now ? publishAt : now, errors);
    }

    private static void SetUnpublishTime(ContentItem item, WorkflowRequest request, DateTimeOffset after, FieldErrors errors)
    {
        if (request.UnpublishAt is null)
        {
            return;
        }

        if (!Timestamps.TryParse(request.UnpublishAt, out var unpublishAt) || unpublishAt <= after)
        {
            errors.Add("unpublishAt", "A later time with its offset, for example 2026-12-31T17:00:00+07:00.");
            return;
        }

        item.ScheduleFor(item.PublishAt, unpublishAt.ToUniversalTime());
    }

    private static string Describe(ContentItem item, LatestRevisions latest, Func<ContentVariant, Approval?> approval) =>
        $"item={latest.ItemFields} " + string.Join(" ", item.Variants.Where(v => approval(v)?.Covers(latest.Of(v.Language)) == true).Select(v => $"{v.Language}={latest.Of(v.Language)}"));

    public static string Kebab(WorkflowAction action) => action switch
    {
        WorkflowAction.SignOff => "sign-off",
        _ => action.ToString().ToLowerInvariant(),
    };
}

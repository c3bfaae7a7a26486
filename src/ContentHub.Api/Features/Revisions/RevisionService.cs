using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Revisions;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Revisions;

/// <summary>Reads, compares and restores revisions. A restore is a save like any other: it appends a revision.</summary>
public sealed class RevisionService(
    ContentHubDbContext db, ItemStore store, VariantWriter variants, ReviewReopening review, ItemReferences references, ItemAccess access, AuditLog audit, TimeProvider clock)
{
    /// <summary>The value of the language filter that selects the item's own fields.</summary>
    public const string ItemScope = "item";

    public async Task<Outcome<PagedResponse<RevisionSummaryResponse>>> ListAsync(Guid itemId, RevisionListQuery query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (page, size) = PageRequest.Check(query.Page, query.PageSize, errors);
        LanguageTag language = default;
        var itemScope = query.Language == ItemScope;
        if (query.Language is not null && !itemScope)
        {
            LanguageInput.TryParse(query.Language, "language", errors, out language);
        }

        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<RevisionSummaryResponse>>();
        }

        if (!await db.Items.AnyAsync(i => i.Id == itemId, cancellationToken).ConfigureAwait(false))
        {
            return new Outcome<PagedResponse<RevisionSummaryResponse>>.NotFound($"Item {itemId}");
        }

        var revisions = db.Revisions.AsNoTracking().Where(r => r.ItemId == itemId);
        if (itemScope)
        {
            revisions = revisions.Where(r => r.Language == null);
        }
        else if (query.Language is not null)
        {
            revisions = revisions.Where(r => r.Language == language);
        }

        return await revisions.OrderByDescending(r => r.Id).ToPageAsync(page, size, RevisionSummaryResponse.From, cancellationToken).ConfigureAwait(false);
    }

    public Task<Revision?> FindAsync(Guid itemId, long revisionId, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == itemId && r.Id == revisionId, cancellationToken);

    public async Task<Outcome<RevisionDiffResponse>> DiffAsync(Guid itemId, long fromId, long toId, CancellationToken cancellationToken)
    {
        var from = await FindAsync(itemId, fromId, cancellationToken).ConfigureAwait(false);
        var to = await FindAsync(itemId, toId, cancellationToken).ConfigureAwait(false);
        if (from is null || to is null)
        {
            return new Outcome<RevisionDiffResponse>.NotFound($"Revision {(from is null ? fromId : toId)} of item {itemId}");
        }

        if (from.Language != to.Language)
        {
            return Error("to", $"Revision {fromId} saved {Scope(from)} and revision {toId} saved {Scope(to)}; only revisions of the same thing can be compared.")
                .ToOutcome<RevisionDiffResponse>();
        }

        var bodyLines = from.Language is null
            ? null
            : LineDiff.Compare(VariantSnapshot.FromJson(from.Snapshot).BodyMarkdown, VariantSnapshot.FromJson(to.Snapshot).BodyMarkdown);
        return new RevisionDiffResponse(
            RevisionSummaryResponse.From(from),
            RevisionSummaryResponse.From(to),
            SnapshotDiff.Fields(from.Snapshot, to.Snapshot),
            bodyLines);
    }

    /// <summary>
    /// Brings back what a revision saved. The item's fields, or an existing variant, need their current
    /// ETag in If-Match; a deleted variant is recreated.
    /// </summary>
    public async Task<Outcome<Restored>> RestoreAsync(Guid itemId, long revisionId, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var revision = await FindAsync(itemId, revisionId, cancellationToken).ConfigureAwait(false);
        var item = revision is null ? null : await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (revision is null || item is null)
        {
            return new Outcome<Restored>.NotFound($"Revision {revisionId} of item {itemId}");
        }

        var allowed = revision.Language is { } target ? access.CanWrite(item, target) : access.CanEdit(item);
        if (!allowed)
        {
            return new Outcome<Restored>.Forbidden("You may not change what this revision saved.");
        }

        return revision.Language is { } language
            ? await RestoreVariantAsync(item, revision, language, ifMatch, actor, cancellationToken).ConfigureAwait(false)
            : await RestoreItemFieldsAsync(item, revision, ifMatch, actor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Outcome<Restored>> RestoreItemFieldsAsync(ContentItem item, Revision revision, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        if (ItemStore.Precondition<Restored>(ifMatch, item.Version) is { } failed)
        {
            return failed;
        }

        var details = ItemSnapshot.FromJson(revision.Snapshot).ToDetails();
        var errors = new FieldErrors();
        details = await references.CheckAsync(details, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Any)
        {
            return new Outcome<Restored>.Conflict(
                $"Revision {revision.Id} refers to a category, organisation unit or file that no longer exists: {string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m))}");
        }

        var now = clock.GetUtcNow();
        item.Update(details, actor, now);
        db.Revisions.Add(Revision.Of(item.Id, null, RevisionAction.Restored, ItemSnapshot.Of(item).ToJson(), actor, now, revision.Id));
        audit.Add("revision.restored", item.Id, details: $"revision={revision.Id}");
        review.AfterChange(item, now);
        return (await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => new Restored(saved, saved.Version));
    }

    private async Task<Outcome<Restored>> RestoreVariantAsync(ContentItem item, Revision revision, LanguageTag language, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var snapshot = VariantSnapshot.FromJson(revision.Snapshot);
        var draft = new VariantDraft(snapshot.Title, snapshot.Summary, snapshot.BodyMarkdown, snapshot.Slug, snapshot.SeoDescription, snapshot.Transcript);
        var written = await variants.WriteAsync(item, language, draft, ifMatch, actor, VariantOrigin.Restored(revision.Id), cancellationToken).ConfigureAwait(false);
        return written.Map(w => new Restored(w.Item, w.Variant.Version));
    }
    private static string Scope(Revision revision) => revision.Language is { } language ? $"the {language} variant" : "the item's own fields";

    private static FieldErrors Error(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors;
    }
}

/// <summary>A restore's result: the item, and the new version (ETag) of what was restored.</summary>
public sealed record Restored(ContentItem Item, uint Version);

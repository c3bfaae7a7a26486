using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Rendering;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Revisions;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Content;

/// <summary>
/// The one way a variant's text is written, whoever writes it (a person through the API, a restore
/// of a revision, a machine or memory draft; XLIFF import next): If-Match against the variant, the slug,
/// the Markdown rendered once, the variant added or replaced, its revision, the audit entry, review
/// re-opened when the source text changed, and the save. Who may write which language is the
/// caller's to check, before calling.
/// </summary>
public sealed class VariantWriter(ContentHubDbContext db, ItemStore store, SlugAllocator slugs, MarkdownRenderer renderer, ReviewReopening review, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<VariantWritten>> WriteAsync(
        ContentItem item, LanguageTag language, VariantDraft draft, string? ifMatch, string actor, VariantOrigin origin, CancellationToken cancellationToken)
    {
        var variant = item.FindVariant(language);
        if (variant is not null && ItemStore.Precondition<VariantWritten>(ifMatch, variant.Version) is { } failed)
        {
            return failed;
        }

        var slug = await ChooseSlugAsync(item, language, draft, variant?.Slug, cancellationToken).ConfigureAwait(false);
        if (slug is null)
        {
            return new Outcome<VariantWritten>.SlugTaken(draft.Slug!, language.Code);
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
            item.ReplaceText(variant, text, actor, now);
        }

        if (language != item.SourceLanguage && item.FindVariant(item.SourceLanguage) is { } source)
        {
            var sourceRevision = (await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false)).Of(source.Language);
            variant.RecordTranslation(Provenance(variant.Translation, origin, actor, sourceRevision, source.Fingerprint));
        }

        var action = origin.RestoredFrom is not null ? RevisionAction.Restored : created ? RevisionAction.Created : RevisionAction.Updated;
        db.Revisions.Add(Revision.Of(item.Id, language, action, VariantSnapshot.Of(variant).ToJson(), actor, now, origin.RestoredFrom));
        if (origin.RestoredFrom is { } revisionId)
        {
            audit.Add("revision.restored", item.Id, language.Code, details: $"revision={revisionId}");
        }
        else
        {
            audit.Add(created ? "variant.created" : "variant.updated", item.Id, language.Code, details: origin.Translation is { } made ? $"origin={made.Origin} {made.Provider}" : null);
        }

        if (language == item.SourceLanguage)
        {
            review.AfterChange(item, now);
        }

        var written = variant;
        return (await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => new VariantWritten(saved, written, created));
    }

    // A machine or memory draft says so; a person's writing keeps what it was made from and who wrote it.
    private static VariantTranslation Provenance(VariantTranslation? current, VariantOrigin origin, string actor, long? sourceRevision, string sourceFingerprint) =>
        origin.Translation is { } made
            ? made with { SourceRevisionId = sourceRevision, SourceFingerprint = sourceFingerprint }
            : current?.WrittenBy(actor, sourceRevision, sourceFingerprint)
              ?? new VariantTranslation(sourceRevision, sourceFingerprint, TranslationOrigin.Person, null, null, actor);

    /// <summary>Renders the Markdown once, at save time.</summary>
    public VariantText Render(VariantDraft draft, string slug) =>
        new(draft.Title, draft.Summary, draft.BodyMarkdown, renderer.ToHtml(draft.BodyMarkdown), slug, draft.SeoDescription, draft.Transcript);

    /// <summary>The draft's slug (null when another item has it); else the current one; else one made from the title.</summary>
    public async Task<string?> ChooseSlugAsync(ContentItem item, LanguageTag language, VariantDraft draft, string? currentSlug, CancellationToken cancellationToken)
    {
        if (draft.Slug is { } wanted)
        {
            var taken = wanted != currentSlug && await slugs.IsTakenAsync(item.Kind, language, wanted, item.Id, cancellationToken).ConfigureAwait(false);
            return taken ? null : wanted;
        }

        return currentSlug ?? await slugs.FromTitleAsync(item.Kind, language, draft.Title, item.Id, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Where a variant's text comes from; it decides the revision's action and the audit entry.</summary>
/// <param name="RestoredFrom">The revision brought back, for a restore.</param>
/// <param name="Translation">For a machine or memory draft, its provenance (what it was made from is filled in on writing).</param>
public sealed record VariantOrigin(long? RestoredFrom = null, VariantTranslation? Translation = null)
{
    /// <summary>Typed by a person through the API.</summary>
    public static VariantOrigin Written { get; } = new();

    public static VariantOrigin Restored(long revisionId) => new(revisionId);

    public static VariantOrigin Drafted(VariantTranslation translation) => new(Translation: translation);
}

using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Media;

/// <summary>A file's alternative text and caption in one language, set by editors and translators.</summary>
public sealed record CaptionRequest(string AltText, string? Caption = null);

/// <summary>Alternative text and caption per language: set, replaced, removed.</summary>
public sealed class MediaCaptions(ContentHubDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<MediaCaption>>> SetAsync(Guid fileId, string language, CaptionRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        LanguageInput.TryParse(language, "language", errors, out var tag);
        var altText = request.AltText?.Trim() ?? string.Empty;
        var caption = string.IsNullOrWhiteSpace(request.Caption) ? null : request.Caption.Trim();
        errors.Require(altText.Length is > 0 and <= MediaCaption.MaxAltTextLength, "altText", $"Between 1 and {MediaCaption.MaxAltTextLength} characters: what the file shows, for people who cannot see it.");
        errors.Require(caption is null || caption.Length <= MediaCaption.MaxCaptionLength, "caption", $"At most {MediaCaption.MaxCaptionLength} characters.");
        if (errors.Any)
        {
            return new Outcome<IReadOnlyList<MediaCaption>>.Invalid(errors.ToDictionary());
        }

        if (!await db.MediaFiles.AnyAsync(f => f.Id == fileId, cancellationToken))
        {
            return new Outcome<IReadOnlyList<MediaCaption>>.NotFound($"File {fileId}");
        }

        var existing = await db.MediaCaptions.SingleOrDefaultAsync(c => c.FileId == fileId && c.Language == tag, cancellationToken);
        if (existing is null)
        {
            existing = MediaCaption.For(fileId, tag);
            db.MediaCaptions.Add(existing);
        }

        existing.Set(altText, caption, user.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<IReadOnlyList<MediaCaption>>.Done(await ListAsync(fileId, cancellationToken));
    }

    public async Task<Outcome<IReadOnlyList<MediaCaption>>> RemoveAsync(Guid fileId, string language, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!LanguageInput.TryParse(language, "language", errors, out var tag))
        {
            return new Outcome<IReadOnlyList<MediaCaption>>.Invalid(errors.ToDictionary());
        }

        var removed = await db.MediaCaptions.Where(c => c.FileId == fileId && c.Language == tag).ExecuteDeleteAsync(cancellationToken);
        return removed == 0
            ? new Outcome<IReadOnlyList<MediaCaption>>.NotFound($"A {tag.Code} caption of file {fileId}")
            : new Outcome<IReadOnlyList<MediaCaption>>.Done(await ListAsync(fileId, cancellationToken));
    }

    public async Task<IReadOnlyList<MediaCaption>> ListAsync(Guid fileId, CancellationToken cancellationToken) =>
        await db.MediaCaptions.AsNoTracking().Where(c => c.FileId == fileId).ToListAsync(cancellationToken);
}

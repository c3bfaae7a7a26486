using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Content;

/// <summary>
/// Chooses slugs. An editor's own slug is used as given, or refused when taken; a slug made from the
/// title gets the first free numeric suffix (<c>-2</c>, <c>-3</c>…), since two items may share a title.
/// </summary>
public sealed class SlugAllocator(ContentHubDbContext db)
{
    public Task<bool> IsTakenAsync(ContentKind kind, LanguageTag language, string slug, Guid exceptItemId, CancellationToken cancellationToken) =>
        db.Variants.AnyAsync(v => v.Kind == kind && v.Language == language && v.Slug == slug && v.ItemId != exceptItemId, cancellationToken);

    public async Task<string> FromTitleAsync(ContentKind kind, LanguageTag language, string title, Guid itemId, CancellationToken cancellationToken)
    {
        var baseSlug = Slug.From(title);
        if (baseSlug.Length == 0)
        {
            // A title of only punctuation or symbols leaves nothing to make a slug of.
            baseSlug = kind.ToString().ToLowerInvariant() + "-" + itemId.ToString("N")[..12];
        }

        baseSlug = baseSlug[..Math.Min(baseSlug.Length, Slug.MaxLength - 6)].TrimEnd('-');
        var prefix = baseSlug + "-";
        var taken = await db.Variants
            .Where(v => v.Kind == kind && v.Language == language && v.ItemId != itemId && (v.Slug == baseSlug || v.Slug.StartsWith(prefix)))
            .Select(v => v.Slug)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }

        var suffix = 2;
        while (taken.Contains(prefix + suffix))
        {
            suffix++;
        }

        return prefix + suffix;
    }
}

using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Media;
using ContentHub.Domain.Publishing;
using ContentHub.Domain.Taxonomy;
using ContentHub.Domain.Text;
using ContentHub.Search;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// What is searched, per language: title (A); lead, tags and the category's name (B); body text (C);
/// a video's transcript, alternative text, captions and the text of attached files, such as a PDF
/// publication's or a subtitle track's (D). The
/// names and file texts live in other rows, read here through a context of their own, because the
/// indexer runs while another is saving.
/// </summary>
public sealed class SearchSources(IServiceScopeFactory scopes)
{
    /// <summary>Category names, and the text and captions of files, that the rows being indexed refer to.</summary>
    public sealed record Known(
        IReadOnlyDictionary<Guid, IReadOnlyList<LocalizedName>> Categories,
        IReadOnlyDictionary<Guid, string> FileTexts,
        ILookup<Guid, MediaCaption> Captions);

    public async Task<Known> LoadAsync(IEnumerable<Guid> categoryIds, IEnumerable<Guid> fileIds, CancellationToken cancellationToken)
    {
        var categories = categoryIds.Distinct().ToList();
        var files = fileIds.Distinct().ToList();
        if (categories.Count == 0 && files.Count == 0)
        {
            return new Known(new Dictionary<Guid, IReadOnlyList<LocalizedName>>(), new Dictionary<Guid, string>(), Array.Empty<MediaCaption>().ToLookup(c => c.FileId));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentHubDbContext>();
        var names = await db.Categories.AsNoTracking().Where(c => categories.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Names, cancellationToken).ConfigureAwait(false);
        if (files.Count == 0)
        {
            // Most saves: an article's text, with no files to read.
            return new Known(names, new Dictionary<Guid, string>(), Array.Empty<MediaCaption>().ToLookup(c => c.FileId));
        }

        var texts = await db.MediaFiles.AsNoTracking().Where(f => files.Contains(f.Id) && f.Text != null).ToDictionaryAsync(f => f.Id, f => f.Text!, cancellationToken).ConfigureAwait(false);
        var captions = await db.MediaCaptions.AsNoTracking().Where(c => files.Contains(c.FileId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Known(names, texts, captions.ToLookup(c => c.FileId));
    }

    /// <summary>A variant as editors search it: its own text, and its item's tags, category and files in its language.</summary>
    public static SearchDocument Of(ContentVariant variant, ContentItem? item, Known known)
    {
        var document = new SearchDocument(variant.Language).Add(variant.Title, 'A').Add(variant.Summary, 'B');
        if (item is not null)
        {
            document.AddAll(item.Tags, 'B').Add(CategoryName(item.CategoryId, variant.Language, known), 'B');
        }

        document.Add(SearchText.PlainText(variant.BodyHtml), 'C').Add(variant.Transcript, 'D');
        foreach (var file in item?.Files.Where(f => f.Link.AppliesTo(variant.Language.Code)) ?? [])
        {
            var caption = known.Captions[file.FileId].FirstOrDefault(c => c.Language == variant.Language);
            document.Add(caption?.AltText, 'D').Add(caption?.Caption, 'D').Add(known.FileTexts.GetValueOrDefault(file.FileId), 'D');
        }

        return document;
    }

    /// <summary>A published entry as portals search it: the approved text, and the files it carries.</summary>
    public static SearchDocument Of(PublishedEntry entry, Known known)
    {
        var document = new SearchDocument(entry.Language).Add(entry.Title, 'A').Add(entry.Summary, 'B')
            .AddAll(entry.Tags, 'B').Add(CategoryName(entry.CategoryId, entry.Language, known), 'B')
            .Add(SearchText.PlainText(entry.BodyHtml), 'C').Add(entry.Transcript, 'D');
        foreach (var file in entry.Files)
        {
            document.Add(file.AltText, 'D').Add(file.Caption, 'D').Add(known.FileTexts.GetValueOrDefault(file.Id), 'D');
        }

        return document;
    }

    private static string? CategoryName(Guid categoryId, LanguageTag language, Known known) =>
        known.Categories.TryGetValue(categoryId, out var names) ? names.In(language, LanguageTag.Vietnamese) : null;
}

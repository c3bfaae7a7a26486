using System.Text;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// An entry as a portal reads it, with only the columns the query needs: the body, the languages and
/// the category are read only when selected or expanded (see <see cref="EntryProjection"/>).
/// </summary>
public sealed class EntryView
{
    public Guid Id { get; init; }

    public LanguageTag Language { get; init; }

    public ContentKind Kind { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Summary { get; init; }

    /// <summary>The rendered HTML body as UTF-8, as read from the database and written into responses.</summary>
    public byte[]? Body { get; set; }

    public string? BodyHtml => Body is null ? null : Encoding.UTF8.GetString(Body);

    public string Slug { get; init; } = string.Empty;

    public string? SeoDescription { get; init; }

    public string? Transcript { get; init; }

    public List<string> Tags { get; init; } = [];

    public string[]? AvailableLanguages { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool MachineTranslated { get; init; }

    public DateTimeOffset ReviewedAt { get; init; }

    /// <summary>When the source language moved on past the text this translation was made from.</summary>
    public DateTimeOffset? SourceUpdatedAt { get; init; }

    public Guid CategoryId { get; init; }

    public int? DurationSeconds { get; init; }

    public string? VideoUrl { get; init; }

    public string? PosterUrl { get; init; }

    public PromoAssetType? AssetType { get; init; }

    public string? UsageRights { get; init; }

    public DateOnly? RightsExpireOn { get; init; }

    public CategoryView? Category { get; init; }

    /// <summary>The entry's files as published, read when <c>$expand=Files</c> asks for them or the body is read (for the images it places).</summary>
    public List<Domain.Publishing.PublishedFile>? PublishedFiles { get; init; }

    /// <summary>The same files with the portal's addresses, as written (set after reading, see <see cref="ODataQueryEndpoint"/>).</summary>
    public IReadOnlyList<Portals.PortalFile>? Files { get; set; }

    /// <summary>The values of the <c>$compute</c> properties the client selected, in the order of <see cref="ComputedNames"/>.</summary>
    public object?[]? Computed { get; init; }

    /// <summary>The names of the <see cref="Computed"/> values (shared by every row of a page).</summary>
    public string[]? ComputedNames { get; init; }

    /// <summary>The computed values with their names; none without <c>$compute</c>.</summary>
    public IEnumerable<(string Name, object? Value)> ComputedValues() =>
        Computed is null || ComputedNames is null ? [] : ComputedNames.Zip(Computed);
}

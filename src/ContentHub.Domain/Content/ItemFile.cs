using ContentHub.Domain.Media;

namespace ContentHub.Domain.Content;

/// <summary>
/// A row of an item's attached files (see <see cref="FileLink"/>). Kept as rows, not as part of the
/// item's JSON, so the database itself refuses to delete a file an item still uses.
/// </summary>
public sealed class ItemFile
{
    private ItemFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid ItemId { get; private set; }

    public FileRole Role { get; private set; }

    /// <summary>The language the file is for; null: every language.</summary>
    public string? Language { get; private set; }

    public Guid FileId { get; private set; }

    public FileLink Link => new(Role, Language, FileId);

    internal static ItemFile For(Guid itemId, FileLink link) =>
        new() { Id = Guid.CreateVersion7(), ItemId = itemId, Role = link.Role, Language = link.Language, FileId = link.FileId };

    internal void Point(Guid fileId) => FileId = fileId;
}

using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Workflow;

/// <summary>A review comment on an item, or on one of its language variants; replies name their parent.</summary>
public sealed class ReviewComment
{
    public const int MaxLength = 4000;

    private ReviewComment()
    {
    }

    public ReviewComment(Guid id, Guid itemId, LanguageTag? language, Guid? parentId, string body, string author, DateTimeOffset at)
    {
        Id = id;
        ItemId = itemId;
        Language = language;
        ParentId = parentId;
        Body = body;
        Author = author;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid ItemId { get; private set; }

    public LanguageTag? Language { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public string Author { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }
}

using ContentHub.Domain.Workflow;

namespace ContentHub.Api.Features.Comments;

/// <summary>A review comment; threads are formed by parentId.</summary>
/// <param name="Id">The comment's id.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Language">The variant commented on, or null for the item.</param>
/// <param name="ParentId">The comment this replies to.</param>
/// <param name="Body">The text.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="CreatedAt">When (UTC).</param>
public sealed record CommentResponse(Guid Id, Guid ItemId, string? Language, Guid? ParentId, string Body, string Author, DateTimeOffset CreatedAt)
{
    public static CommentResponse From(ReviewComment comment) =>
        new(comment.Id, comment.ItemId, comment.Language?.Code, comment.ParentId, comment.Body, comment.Author, comment.CreatedAt);
}

namespace ContentHub.Api.Features.Comments;

/// <summary>A review comment, or a reply to one.</summary>
/// <param name="Body">The comment, at most 4,000 characters.</param>
/// <param name="Language">The variant commented on (BCP 47), or null for the item as a whole. A reply takes its parent's.</param>
/// <param name="ParentId">The comment replied to.</param>
public sealed record CommentRequest(string Body, string? Language = null, Guid? ParentId = null);

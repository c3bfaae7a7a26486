using ContentHub.Api.Features.Audit;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;
using ContentHub.Domain.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Comments;

/// <summary>Threaded review comments on an item or one of its variants.</summary>
public static class CommentEndpoints
{
    public static IEndpointRouteBuilder MapCommentEndpoints(this IEndpointRouteBuilder routes)
    {
        var comments = routes.MapGroup("/api/v1/items/{id}/comments").WithTags("Review comments").RequireAuthorization(Policies.Staff);
        comments.MapGet("/", ListComments).WithName("ListComments").WithSummary("Lists an item's review comments, oldest first.").ProducesReadProblems();
        comments.MapPost("/", AddComment).WithName("AddComment").WithSummary("Adds a review comment or a reply.").ProducesChangeProblems();
        return routes;
    }

    /// <summary>Lists comments, oldest first; language=vi for one variant's, language=item for the item's own.</summary>
    public static async Task<Results<Ok<PagedResponse<CommentResponse>>, ProblemHttpResult>> ListComments(
        Guid id, [QueryValues(Languages = true, Also = ["item"])] string? language, int? page, int? pageSize, ContentHubDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (p, size) = PageRequest.Check(page, pageSize, errors);
        LanguageTag tag = default;
        if (language is not null && language != "item")
        {
            LanguageInput.TryParse(language, "language", errors, out tag);
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!await db.Items.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound($"Item {id}");
        }

        var comments = db.Comments.AsNoTracking().Where(c => c.ItemId == id);
        comments = language switch
        {
            null => comments,
            "item" => comments.Where(c => c.Language == null),
            _ => comments.Where(c => c.Language == tag),
        };
        return TypedResults.Ok(await comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(p, size, CommentResponse.From, cancellationToken));
    }

    /// <summary>Adds a comment. Anyone on the staff may comment on any item.</summary>
    public static async Task<Results<Created<CommentResponse>, ProblemHttpResult>> AddComment(
        Guid id, CommentRequest request, ContentHubDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var body = TextNormalizer.CleanOptional(request.Body);
        errors.Require(body is { Length: <= ReviewComment.MaxLength }, "body", $"A comment of 1 to {ReviewComment.MaxLength} characters.");
        LanguageTag? language = null;
        if (request.Language is not null && LanguageInput.TryParse(request.Language, "language", errors, out var tag))
        {
            language = tag;
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!await db.Items.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound($"Item {id}");
        }

        if (request.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == parentId && c.ItemId == id, cancellationToken);
            if (parent is null)
            {
                return Problems.Validation("parentId", "There is no such comment on this item.");
            }

            language = parent.Language;
        }

        var now = clock.GetUtcNow();
        var comment = new ReviewComment(Guid.CreateVersion7(now), id, language, request.ParentId, body!, user.Name, now);
        db.Comments.Add(comment);
        audit.Add("comment.added", id, language?.Code);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/items/{id}/comments", CommentResponse.From(comment));
    }
}

using System.Text.Json;
using ContentHub.Domain.Revisions;

namespace ContentHub.Api.Features.Revisions;

/// <summary>A revision with the state it saved.</summary>
/// <param name="Revision">Who saved what, when.</param>
/// <param name="Snapshot">The saved fields: the item's own fields, or a variant's title, summary, bodyMarkdown, slug and seoDescription.</param>
public sealed record RevisionResponse(RevisionSummaryResponse Revision, JsonElement Snapshot)
{
    public static RevisionResponse From(Revision revision)
    {
        using var snapshot = JsonDocument.Parse(revision.Snapshot);
        return new RevisionResponse(RevisionSummaryResponse.From(revision), snapshot.RootElement.Clone());
    }
}

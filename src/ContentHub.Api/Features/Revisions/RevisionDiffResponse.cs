using ContentHub.Domain.Revisions;

namespace ContentHub.Api.Features.Revisions;

/// <summary>What changed between two revisions of the same thing.</summary>
/// <param name="From">The older revision.</param>
/// <param name="To">The newer revision.</param>
/// <param name="Fields">Every field whose value differs, with both values (null where absent).</param>
/// <param name="BodyLines">For variant revisions, a line diff of the Markdown body; null for item revisions.</param>
public sealed record RevisionDiffResponse(
    RevisionSummaryResponse From,
    RevisionSummaryResponse To,
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<DiffLine>? BodyLines);

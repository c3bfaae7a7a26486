namespace ContentHub.Domain.Revisions;

/// <summary>One field that differs between two revisions, with its values as JSON text (null when absent).</summary>
public sealed record FieldChange(string Field, string? From, string? To);

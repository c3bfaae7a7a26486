namespace ContentHub.Data;

/// <summary>
/// SQL functions of ours that queries call (created by the migrations). A function keeps a per-row
/// list in one column: as a collection subquery, EF Core would join it and repeat every column of
/// the row (bodies included) once per element.
/// </summary>
public static class PublishedFunctions
{
    /// <summary>
    /// <c>published_languages(item_id, reviewed_only)</c>: the languages an item has entries in, sorted,
    /// only those a person reviewed when <paramref name="reviewedOnly"/>.
    /// </summary>
    public static string[] Languages(Guid itemId, bool reviewedOnly) =>
        throw new NotSupportedException("Only for use in queries, where PostgreSQL evaluates it.");
}

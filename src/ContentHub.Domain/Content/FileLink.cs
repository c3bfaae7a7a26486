using ContentHub.Domain.Media;

namespace ContentHub.Domain.Content;

/// <summary>
/// An uploaded file attached to an item in a role, for one language (its BCP 47 code) or, with no
/// language, for all of them. An item has at most one file per role and language.
/// </summary>
public sealed record FileLink(FileRole Role, string? Language, Guid FileId)
{
    public const int MaxPerItem = 20;

    /// <summary>Whether portals reading <paramref name="language"/> get this file.</summary>
    public bool AppliesTo(string language) => Language is null || Language == language;
}

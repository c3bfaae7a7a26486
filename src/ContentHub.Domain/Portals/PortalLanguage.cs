using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Portals;

/// <summary>A language a portal serves, with the languages to fall back on, in order, where an item lacks it.</summary>
public sealed class PortalLanguage
{
    private PortalLanguage()
    {
    }

    public PortalLanguage(LanguageTag language, IReadOnlyList<LanguageTag> fallbacks)
    {
        Language = language;
        Fallbacks = fallbacks.Where(f => f != language).Distinct().Select(f => f.Code).ToList();
    }

    public LanguageTag Language { get; private set; }

    /// <summary>BCP 47 tags, most preferred first: for <c>lo</c>, for example, <c>en</c> then <c>vi</c>.</summary>
    public List<string> Fallbacks { get; private set; } = [];

    /// <summary>The language itself, then its fallbacks: the order in which a portal looks for text.</summary>
    public IReadOnlyList<LanguageTag> Chain => [Language, .. Fallbacks.Select(LanguageTag.Parse)];
}

using ContentHub.Domain.Languages;

namespace ContentHub.Data;

/// <summary>
/// A published entry's search index in a row of its own (the search vector a shadow property,
/// compressed in the row): a search reads these rows to choose and rank its matches instead of the
/// wide entries (text, body, files). Written only by a trigger on published_entries, in the
/// same statement as the entry, so it can never disagree with it; never written by the service.
/// </summary>
public sealed class PublishedEntrySearch
{
    private PublishedEntrySearch()
    {
    }

    public Guid ItemId { get; private set; }

    public LanguageTag Language { get; private set; }

    public bool MachineTranslated { get; private set; }
}

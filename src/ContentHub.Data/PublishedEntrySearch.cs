using ContentHub.Domain.Languages;

namespace ContentHub.Data;

/// <summary>
/// A published entry's search index in a narrow row of its own (with the search vector as a shadow
/// property, stored out of line): a search that matches thousands of entries reads these small rows to
/// count and choose candidates instead of the wide entries (text, body, files), and reads only the
/// chosen candidates' vectors to rank them. Written only by a trigger on published_entries, in the
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

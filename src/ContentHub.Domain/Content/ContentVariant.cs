using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;
using ContentHub.Domain.Workflow;

namespace ContentHub.Domain.Content;

/// <summary>An item as written in one language.</summary>
public sealed class ContentVariant
{
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 1000;
    public const int MaxSeoDescriptionLength = 320;
    public const int MaxBodyLength = 200_000;
    public const int MaxTranscriptLength = 200_000;

    private ContentVariant()
    {
    }

    public Guid ItemId { get; private set; }

    public LanguageTag Language { get; private set; }

    /// <summary>The item's kind, repeated here because slugs are unique per kind and language.</summary>
    public ContentKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Summary { get; private set; }

    public string BodyMarkdown { get; private set; } = string.Empty;

    /// <summary>Rendered from <see cref="BodyMarkdown"/> when saved, never on read.</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public string? SeoDescription { get; private set; }

    /// <summary>A video's words in this language, as plain text (a line per utterance); null for other kinds.</summary>
    public string? Transcript { get; private set; }

    /// <summary>The reviewer's approval of this language's text.</summary>
    public Approval? Review { get; private set; }

    /// <summary>The lead's sign-off of this language's text, needed when the item is sensitive.</summary>
    public Approval? SignOff { get; private set; }

    /// <summary>Provenance and progress of a translation; null on the source language and on text from before translations were tracked.</summary>
    public VariantTranslation? Translation { get; private set; }

    /// <summary>What identifies this text for translations made from it (<see cref="TextFingerprint"/>), kept with every write.</summary>
    public string Fingerprint { get; private set; } = string.Empty;

    /// <summary>True when this language was taken off the portals on its own.</summary>
    public bool Withdrawn { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token, changed by the database on every write of the row.</summary>
    public uint Version { get; private set; }

    internal static ContentVariant Create(ContentItem item, LanguageTag language, VariantText text, Guid? subtitles, string actor, DateTimeOffset now)
    {
        var variant = new ContentVariant
        {
            ItemId = item.Id,
            Language = language,
            Kind = item.Kind,
            CreatedBy = actor,
            CreatedAt = now,
        };
        variant.Replace(text, subtitles, actor, now);
        return variant;
    }

    /// <summary>Approves this language's text; approving again puts a withdrawn language back.</summary>
    public void RecordReview(Approval approval)
    {
        Review = approval;
        Withdrawn = false;
    }

    public void RecordSignOff(Approval approval) => SignOff = approval;

    public void Withdraw() => Withdrawn = true;

    public void RecordTranslation(VariantTranslation translation) => Translation = translation;

    public void ClearApprovals()
    {
        Review = null;
        SignOff = null;
    }

    /// <summary>Replaces the text; <paramref name="subtitles"/> is the language's subtitle track, which the fingerprint covers too.</summary>
    internal void Replace(VariantText text, Guid? subtitles, string actor, DateTimeOffset now)
    {
        Title = text.Title;
        Summary = text.Summary;
        BodyMarkdown = text.BodyMarkdown;
        BodyHtml = text.BodyHtml;
        Slug = text.Slug;
        SeoDescription = text.SeoDescription;
        Transcript = text.Transcript;
        Refingerprint(subtitles);
        UpdatedBy = actor;
        UpdatedAt = now;
    }

    /// <summary>Keeps the fingerprint true when the language's subtitle track changes without the text.</summary>
    internal void Refingerprint(Guid? subtitles) => Fingerprint = TextFingerprint.Of(Title, Summary, BodyMarkdown, SeoDescription, subtitles, Transcript);
}

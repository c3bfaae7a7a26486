using ContentHub.Domain.Languages;
using ContentHub.Domain.Media;
using ContentHub.Domain.Workflow;

namespace ContentHub.Domain.Content;

/// <summary>
/// An article, video or promotional asset, with one <see cref="ContentVariant"/> per language it
/// exists in. The item holds what is the same in every language; the variants hold the text.
/// </summary>
public sealed class ContentItem
{
    public const int MaxTags = 30;
    public const int MaxTagLength = 60;

    private readonly List<ContentVariant> _variants = [];
    private readonly List<ItemFile> _files = [];

    private ContentItem()
    {
    }

    public Guid Id { get; private set; }

    public ContentKind Kind { get; private set; }

    /// <summary>The language the item was written in; translations are made from it.</summary>
    public LanguageTag SourceLanguage { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid CategoryId { get; private set; }

    public List<string> Tags { get; private set; } = [];

    /// <summary>Sensitive matters (borders, religion, incidents…) need a second sign-off before release.</summary>
    public bool Sensitive { get; private set; }

    public EditorialState State { get; private set; }

    /// <summary>The reviewer's approval of the item's own fields.</summary>
    public Approval? Review { get; private set; }

    /// <summary>The lead's sign-off of the item's own fields, needed when <see cref="Sensitive"/>.</summary>
    public Approval? SignOff { get; private set; }

    /// <summary>When a scheduled item is to be published (UTC).</summary>
    public DateTimeOffset? PublishAt { get; private set; }

    /// <summary>When a published item is to be taken down (UTC).</summary>
    public DateTimeOffset? UnpublishAt { get; private set; }

    /// <summary>When the item was last published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>How urgent the translations are, as translators' work queue orders them.</summary>
    public TranslationPriority TranslationPriority { get; private set; } = TranslationPriority.Normal;

    /// <summary>When the translations are due, if an editor said.</summary>
    public DateOnly? TranslationDueOn { get; private set; }

    public VideoDetails? Video { get; private set; }

    public PromoDetails? Promo { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token, changed by the database on every write of the row.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<ContentVariant> Variants => _variants;

    /// <summary>The uploaded files attached to the item (video, poster, subtitles, asset files).</summary>
    public IReadOnlyList<ItemFile> Files => _files;

    public static ContentItem Create(Guid id, ContentKind kind, LanguageTag sourceLanguage, ItemDetails details, string actor, DateTimeOffset now)
    {
        var item = new ContentItem
        {
            Id = id,
            Kind = kind,
            SourceLanguage = sourceLanguage,
            State = EditorialState.Draft,
            CreatedBy = actor,
            CreatedAt = now,
        };
        item.Apply(details, actor, now);
        return item;
    }

    public void Update(ItemDetails details, string actor, DateTimeOffset now) => Apply(details, actor, now);

    /// <summary>Moves the item to another state; the caller has checked the workflow table.</summary>
    public void MoveTo(EditorialState state, DateTimeOffset now)
    {
        if (state == EditorialState.Published && State != EditorialState.Published)
        {
            PublishedAt = now;
        }

        if (state is EditorialState.Draft or EditorialState.InReview or EditorialState.Approved or EditorialState.Archived)
        {
            PublishAt = null;
        }

        if (state is not (EditorialState.Scheduled or EditorialState.Published))
        {
            UnpublishAt = null;
        }

        State = state;
    }

    public void ScheduleFor(DateTimeOffset? publishAt, DateTimeOffset? unpublishAt)
    {
        PublishAt = publishAt;
        UnpublishAt = unpublishAt;
    }

    public void PlanTranslation(TranslationPriority priority, DateOnly? dueOn)
    {
        TranslationPriority = priority;
        TranslationDueOn = dueOn;
    }

    public void RecordReview(Approval approval) => Review = approval;

    public void RecordSignOff(Approval approval) => SignOff = approval;

    /// <summary>Forgets every approval and sign-off, of the item and of its variants, as a return to the author does.</summary>
    public void ClearApprovals()
    {
        Review = null;
        SignOff = null;
        foreach (var variant in _variants)
        {
            variant.ClearApprovals();
        }
    }

    public ContentVariant? FindVariant(LanguageTag language) => _variants.Find(v => v.Language == language);

    public ContentVariant AddVariant(LanguageTag language, VariantText text, string actor, DateTimeOffset now)
    {
        if (FindVariant(language) is not null)
        {
            throw new InvalidOperationException($"Item {Id} already has a {language} variant.");
        }

        var variant = ContentVariant.Create(this, language, text, SubtitlesIn(language), actor, now);
        _variants.Add(variant);
        return variant;
    }

    /// <summary>Replaces a variant's text (its fingerprint covers the language's subtitle track too).</summary>
    public void ReplaceText(ContentVariant variant, VariantText text, string actor, DateTimeOffset now) =>
        variant.Replace(text, SubtitlesIn(variant.Language), actor, now);

    /// <summary>The file id of the video's subtitle track in <paramref name="language"/>, if it has one.</summary>
    public Guid? SubtitlesIn(LanguageTag language) =>
        _files.Find(f => f.Role == FileRole.Subtitles && f.Language == language.Code)?.FileId;

    /// <summary>Puts a subtitle track in one language, as a translation of the source's track does; the other files stay.</summary>
    public void AttachSubtitles(LanguageTag language, Guid fileId)
    {
        if (Kind != ContentKind.Video)
        {
            throw new InvalidOperationException($"Only a video has subtitle tracks; item {Id} is a {Kind}.");
        }

        AttachFiles([.. _files.Where(f => !(f.Role == FileRole.Subtitles && f.Language == language.Code)).Select(f => f.Link), new FileLink(FileRole.Subtitles, language.Code, fileId)]);
    }

    public void RemoveVariant(ContentVariant variant)
    {
        if (variant.Language == SourceLanguage)
        {
            throw new InvalidOperationException("The source-language variant cannot be removed while the item exists.");
        }

        _variants.Remove(variant);
    }

    private void Apply(ItemDetails details, string actor, DateTimeOffset now)
    {
        if ((Kind == ContentKind.Video) != (details.Video is not null) || (Kind == ContentKind.PromoAsset) != (details.Promo is not null))
        {
            throw new ArgumentException($"A {Kind} carries exactly the details of its kind.", nameof(details));
        }

        OrgUnitId = details.OrgUnitId;
        CategoryId = details.CategoryId;
        Tags = [.. details.Tags];
        Sensitive = details.Sensitive;
        Video = details.Video;
        Promo = details.Promo;
        AttachFiles(details.Files);
        UpdatedBy = actor;
        UpdatedAt = now;
    }

    // Rows are kept where the role and language stay, so a changed file is an update, not a delete and
    // an insert that the unique (item, role, language) index would see in the wrong order.
    private void AttachFiles(IReadOnlyList<FileLink> links)
    {
        if (links.GroupBy(l => (l.Role, l.Language)).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("An item has at most one file per role and language.", nameof(links));
        }

        _files.RemoveAll(f => !links.Any(l => l.Role == f.Role && l.Language == f.Language));
        foreach (var link in links)
        {
            if (_files.Find(f => f.Role == link.Role && f.Language == link.Language) is { } kept)
            {
                kept.Point(link.FileId);
            }
            else
            {
                _files.Add(ItemFile.For(Id, link));
            }
        }

        foreach (var variant in _variants)
        {
            variant.Refingerprint(SubtitlesIn(variant.Language));
        }
    }
}

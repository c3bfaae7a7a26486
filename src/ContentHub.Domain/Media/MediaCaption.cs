using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Media;

/// <summary>What a file says in one language: the alternative text read to people who cannot see it, and its caption.</summary>
public sealed class MediaCaption
{
    public const int MaxAltTextLength = 500;
    public const int MaxCaptionLength = 2000;

    private MediaCaption()
    {
    }

    public Guid FileId { get; private set; }

    public LanguageTag Language { get; private set; }

    public string AltText { get; private set; } = string.Empty;

    public string? Caption { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static MediaCaption For(Guid fileId, LanguageTag language) => new() { FileId = fileId, Language = language };

    public void Set(string altText, string? caption, string by, DateTimeOffset now)
    {
        AltText = altText;
        Caption = caption;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

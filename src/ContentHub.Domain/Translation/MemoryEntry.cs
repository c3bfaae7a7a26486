using System.Security.Cryptography;
using System.Text;
using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Translation;

/// <summary>
/// One aligned pair of translation memory: an approved segment and its approved translation, with
/// inline codes in <see cref="TaggedText.Canonical"/> form. Exact matches are reused without the
/// machine; near ones are offered to translators.
/// </summary>
public sealed class MemoryEntry
{
    public const int MaxSegmentLength = 20_000;

    private MemoryEntry()
    {
    }

    public long Id { get; private set; }

    public LanguageTag SourceLanguage { get; private set; }

    public LanguageTag TargetLanguage { get; private set; }

    /// <summary>The source segment, codes included.</summary>
    public string Source { get; private set; } = string.Empty;

    /// <summary>The source's text alone, for similarity.</summary>
    public string SourcePlain { get; private set; } = string.Empty;

    /// <summary>SHA-256 of <see cref="Source"/>, the exact-match key (the text itself is too long to index).</summary>
    public string SourceHash { get; private set; } = string.Empty;

    public string Target { get; private set; } = string.Empty;

    /// <summary>The item it was approved in, if it came from one (not from a TMX import).</summary>
    public Guid? ItemId { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static string HashOf(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    public static MemoryEntry Of(LanguageTag from, LanguageTag to, TaggedText source, TaggedText target, Guid? itemId, string by, DateTimeOffset now) =>
        new()
        {
            SourceLanguage = from,
            TargetLanguage = to,
            Source = source.Canonical,
            SourcePlain = source.PlainText,
            SourceHash = HashOf(source.Canonical),
            Target = target.Canonical,
            ItemId = itemId,
            CreatedBy = by,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>A newer approved translation of the same source replaces the older one.</summary>
    public void Replace(TaggedText target, Guid? itemId, string by, DateTimeOffset now)
    {
        Target = target.Canonical;
        ItemId = itemId;
        CreatedBy = by;
        UpdatedAt = now;
    }
}

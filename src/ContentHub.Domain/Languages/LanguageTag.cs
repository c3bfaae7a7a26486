using System.Diagnostics.CodeAnalysis;

namespace ContentHub.Domain.Languages;

/// <summary>
/// One of the languages ContentHub publishes in, as an exact BCP 47 tag
/// (<c>vi</c>, <c>en</c>, <c>zh-Hans</c>, <c>ko</c>, <c>ja</c>, <c>lo</c>).
/// Common aliases are accepted on input and normalised: <c>zh</c>, <c>zh-CN</c>, <c>zh-SG</c> and
/// <c>zh-Hans-CN</c> become <c>zh-Hans</c>; region subtags of the others are dropped (<c>en-GB</c> is <c>en</c>).
/// </summary>
public readonly record struct LanguageTag
{
    public static readonly LanguageTag Vietnamese = new("vi");
    public static readonly LanguageTag English = new("en");
    public static readonly LanguageTag ChineseSimplified = new("zh-Hans");
    public static readonly LanguageTag Korean = new("ko");
    public static readonly LanguageTag Japanese = new("ja");
    public static readonly LanguageTag Lao = new("lo");

    /// <summary>All supported languages, in the order the province lists them.</summary>
    public static IReadOnlyList<LanguageTag> All { get; } =
        [Vietnamese, English, ChineseSimplified, Korean, Japanese, Lao];

    /// <summary>The supported tags as one readable list, for error messages.</summary>
    public static string SupportedList { get; } = string.Join(", ", All.Select(l => l.Code));

    private LanguageTag(string code) => Code = code;

    /// <summary>The canonical BCP 47 tag.</summary>
    public string Code { get; }

    public static bool TryParse([NotNullWhen(true)] string? value, out LanguageTag tag)
    {
        tag = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 35)
        {
            return false;
        }

        var subtags = value.Trim().Replace('_', '-').ToLowerInvariant().Split('-');
        var canonical = subtags[0] switch
        {
            "vi" => Vietnamese,
            "en" => English,
            "ko" => Korean,
            "ja" => Japanese,
            "lo" => Lao,
            "zh" when IsSimplifiedChinese(subtags) => ChineseSimplified,
            _ => default(LanguageTag?),
        };
        if (canonical is null || !subtags.Skip(1).All(IsWellFormedSubtag))
        {
            return false;
        }

        tag = canonical.Value;
        return true;
    }

    public static LanguageTag Parse(string value) =>
        TryParse(value, out var tag) ? tag : throw new FormatException($"'{value}' is not a supported language. Supported: {SupportedList}.");

    public override string ToString() => Code ?? string.Empty;

    // zh-Hant, zh-TW and zh-HK are Traditional Chinese, which ContentHub does not publish.
    private static bool IsSimplifiedChinese(string[] subtags) =>
        subtags.Length == 1
        || subtags[1] is "hans" or "cn" or "sg" or "my"
        || (subtags[1] is "cmn" && (subtags.Length == 2 || subtags[2] is "hans" or "cn"));

    private static bool IsWellFormedSubtag(string subtag) =>
        subtag.Length is >= 1 and <= 8 && subtag.All(char.IsAsciiLetterOrDigit);
}

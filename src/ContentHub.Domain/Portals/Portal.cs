using System.Security.Cryptography;
using System.Text;
using ContentHub.Domain.Content;

namespace ContentHub.Domain.Portals;

/// <summary>
/// A site or screen that reads published content: the province's foreign-information portal, a
/// department's site, an information screen at a border gate. It carries some languages, categories
/// and kinds, and reads through API keys of its own.
/// </summary>
public sealed class Portal
{
    public const int MaxActiveKeys = 2;

    private readonly List<PortalLanguage> _languages = [];

    private Portal()
    {
    }

    public Portal(Guid id, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>A stable key such as <c>doingoai-bacgiang</c>.</summary>
    public string Slug { get; private set; } = string.Empty;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<PortalLanguage> Languages => _languages;

    /// <summary>The categories it carries; empty for all.</summary>
    public List<Guid> CategoryIds { get; private set; } = [];

    /// <summary>The kinds it carries (Article, Video, PromoAsset); empty for all.</summary>
    public List<string> Kinds { get; private set; } = [];

    /// <summary>Whether it shows machine-translated text that no person has reviewed.</summary>
    public bool AcceptsUnreviewedMachineTranslation { get; private set; }

    /// <summary>Whether anyone may read what it carries without a key.</summary>
    public bool IsPublic { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// SHA-256 of the token feed readers send in the URL (<c>?token=</c>), since they cannot send headers;
    /// null when the portal has none. The token itself is shown once, when it is made.
    /// </summary>
    public byte[]? FeedTokenHash { get; private set; }

    /// <summary>Makes a new feed token (the old one stops working) and returns it, for showing once.</summary>
    public string RotateFeedToken()
    {
        var token = "fdt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        FeedTokenHash = SHA256.HashData(Encoding.ASCII.GetBytes(token));
        return token;
    }

    /// <summary>True when <paramref name="token"/> is the portal's current feed token (compared in constant time).</summary>
    public bool AcceptsFeedToken(string token) =>
        FeedTokenHash is { } hash && token.Length is > 0 and <= 100 && CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Configure(string name, string slug, Uri baseUrl, IEnumerable<PortalLanguage> languages, IEnumerable<Guid> categoryIds,
        IEnumerable<ContentKind> kinds, bool acceptsUnreviewedMachineTranslation, bool isPublic)
    {
        Name = name;
        Slug = slug;
        BaseUrl = baseUrl;
        _languages.Clear();
        _languages.AddRange(languages);
        CategoryIds = [.. categoryIds.Distinct()];
        Kinds = [.. kinds.Distinct().Select(k => k.ToString())];
        AcceptsUnreviewedMachineTranslation = acceptsUnreviewedMachineTranslation;
        IsPublic = isPublic;
    }

    /// <summary>True when the portal carries items of this kind and category.</summary>
    public bool Carries(ContentKind kind, Guid categoryId) =>
        (Kinds.Count == 0 || Kinds.Contains(kind.ToString())) && (CategoryIds.Count == 0 || CategoryIds.Contains(categoryId));
}

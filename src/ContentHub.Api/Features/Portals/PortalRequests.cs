namespace ContentHub.Api.Features.Portals;

/// <summary>A portal as an administrator registers or replaces it.</summary>
/// <param name="Name">What the portal is called, for example "Cổng thông tin đối ngoại tỉnh Bắc Giang".</param>
/// <param name="Slug">A stable key such as "doingoai-bacgiang".</param>
/// <param name="BaseUrl">Where the portal lives: an absolute http or https URL.</param>
/// <param name="Languages">The languages it serves, each with its fallbacks in order.</param>
/// <param name="CategoryIds">The categories it carries; empty or left out for all.</param>
/// <param name="Kinds">The kinds it carries (Article, Video, PromoAsset); empty or left out for all.</param>
/// <param name="AcceptsUnreviewedMachineTranslation">True to show machine-translated text no person has reviewed (off by default).</param>
/// <param name="IsPublic">True to let anyone read what it carries without a key.</param>
public sealed record PortalRequest(string Name, string Slug, string BaseUrl, IReadOnlyList<PortalLanguageRequest> Languages,
    IReadOnlyList<Guid>? CategoryIds = null, IReadOnlyList<string>? Kinds = null, bool AcceptsUnreviewedMachineTranslation = false, bool IsPublic = false);

/// <summary>A language a portal serves.</summary>
/// <param name="Language">The language (BCP 47).</param>
/// <param name="Fallbacks">The languages to show instead, in order, where an item lacks this one: for lo, for example, ["en", "vi"].</param>
public sealed record PortalLanguageRequest(string Language, IReadOnlyList<string>? Fallbacks = null);

/// <summary>A new API key.</summary>
/// <param name="Label">What the key is for, such as "production server" or "screen at Tan Thanh gate".</param>
public sealed record ApiKeyRequest(string? Label = null);

namespace ContentHub.Domain.Content;

/// <summary>What a content item is. The kind decides which kind-specific fields it carries.</summary>
public enum ContentKind
{
    Article,
    Video,
    PromoAsset,
}

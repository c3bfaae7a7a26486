namespace ContentHub.Domain.Content;

/// <summary>The kinds of promotional material a province produces.</summary>
public enum PromoAssetType
{
    Banner,
    Brochure,
    Infographic,
    Photo,
    Publication,
}

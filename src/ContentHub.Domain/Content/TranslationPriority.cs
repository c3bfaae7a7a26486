namespace ContentHub.Domain.Content;

/// <summary>How soon an item's translations are needed.</summary>
public enum TranslationPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

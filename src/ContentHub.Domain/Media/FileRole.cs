namespace ContentHub.Domain.Media;

/// <summary>What an uploaded file is to the item it is attached to.</summary>
public enum FileRole
{
    /// <summary>A video item's own video (one for every language).</summary>
    Video,

    /// <summary>A video item's still image shown before playing (one for every language).</summary>
    Poster,

    /// <summary>A video's subtitle track in one language (WebVTT).</summary>
    Subtitles,

    /// <summary>A promotional asset's file: one for every language, or one per language where the content differs.</summary>
    Asset,

    /// <summary>An image placed in a language's text by its address (<c>/assets/{id}</c>); never attached by the item's fields.</summary>
    Inline,
}

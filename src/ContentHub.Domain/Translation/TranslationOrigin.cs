namespace ContentHub.Domain.Translation;

/// <summary>Who made a translation's current text.</summary>
public enum TranslationOrigin
{
    /// <summary>Typed by a person.</summary>
    Person,

    /// <summary>Written by machine translation and not touched since.</summary>
    Machine,

    /// <summary>Put together from translation memory alone (exact matches of approved segments).</summary>
    Memory,

    /// <summary>A machine or memory draft a person then fixed.</summary>
    PostEdited,
}

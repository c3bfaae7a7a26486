using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Content;

/// <summary>An item and one of its variants, as a step on one language leaves them.</summary>
public sealed record ItemVariant(ContentItem Item, ContentVariant Variant);

/// <summary>What <see cref="VariantWriter"/> wrote: the variant, and whether it is new.</summary>
public sealed record VariantWritten(ContentItem Item, ContentVariant Variant, bool Created);

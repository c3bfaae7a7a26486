using ContentHub.Api.Features.Items;
using ContentHub.Domain.Content;
using ContentHub.Domain.Taxonomy;

namespace ContentHub.Api.Features.Demo;

/// <summary>The shape of <c>Demo/demo-content.json</c>: units and categories by key, items referring to them by key.</summary>
public sealed record DemoContent(IReadOnlyList<DemoContent.Unit> OrgUnits, IReadOnlyList<DemoContent.Topic> Categories, IReadOnlyList<DemoContent.Item> Items)
{
    public sealed record Unit(string Code, OrgUnitType Type, IReadOnlyDictionary<string, string> Names);

    public sealed record Topic(string Slug, IReadOnlyDictionary<string, string> Names, string? Parent = null);

    public sealed record Item(
        ContentKind Kind,
        string SourceLanguage,
        string OrgUnit,
        string Category,
        IReadOnlyDictionary<string, VariantRequest> Variants,
        IReadOnlyList<string>? Tags = null,
        bool Sensitive = false,
        VideoFields? Video = null,
        PromoFields? Promo = null,
        EditorialState State = EditorialState.Draft,
        IReadOnlyDictionary<string, string>? SubtitleFiles = null);
}

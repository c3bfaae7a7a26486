using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Search;

/// <summary>Every labelled set's documents, published, each in its own language, on a public portal serving all six.</summary>
public class LabelledSearchFixture : ApiFixture
{
    public string PortalSlug { get; } = Given.Unique("search");

    /// <summary>Item id by language and document key, and document key by item id.</summary>
    public Dictionary<(string Language, string Key), Guid> Items { get; } = [];

    public Dictionary<Guid, string> Keys { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (reviewer, _) = await Staff.NewAsync(Factory, [Role.Reviewer, Role.Admin]);
        var request = await Given.ArticleRequestAsync();
        foreach (var language in LabelledSet.Languages)
        {
            foreach (var document in LabelledSet.Load(language).Documents)
            {
                var item = await Given.ItemAsync(request with { SourceLanguage = language, Variant = new VariantRequest(document.Title, document.Body) });
                await Steps.PublishAsync(Client, reviewer, item.Id);
                Items[(language, document.Key)] = item.Id;
                Keys[item.Id] = document.Key;
            }
        }

        await Given.PortalAsync(new PortalRequest("Cổng tìm kiếm", PortalSlug, "https://search.example",
            LabelledSet.Languages.Select(l => new PortalLanguageRequest(l)).ToList(), IsPublic: true));
    }
}

/// <summary>The same, with portal search probing one item at a time: every search goes down the search index's path.</summary>
public sealed class IndexPathLabelledSearchFixture : LabelledSearchFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Search:ProbeSize"] = "1" };
}

/// <summary>A fixture whose portal search always goes down the search index's path (see PortalSearch).</summary>
public sealed class IndexPathFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Search:ProbeSize"] = "1" };
}

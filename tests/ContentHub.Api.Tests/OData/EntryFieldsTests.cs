using ContentHub.Api.Features.OData;
using ContentHub.OData;
using Microsoft.OData.Edm;

namespace ContentHub.Api.Tests.OData;

/// <summary>The one declaration of an entry's fields and the EDM model say the same, so a field added to one and not the other fails here.</summary>
public sealed class EntryFieldsTests
{
    [Theory]
    [InlineData("Articles")]
    [InlineData("Videos")]
    [InlineData("PromoAssets")]
    public void Every_structural_property_of_an_entry_set_is_a_declared_field_and_back(string setName)
    {
        var type = PortalModel.Instance.EntityContainer.FindEntitySet(setName).EntityType;
        var properties = type.StructuralProperties().Select(p => p.Name).ToList();
        var declared = EntryFields.All.Select(f => f.Name).ToList();

        Assert.Empty(properties.Except(declared));
        Assert.Equal(properties, declared.Where(properties.Contains));
        Assert.All(EntryFields.All, f => Assert.NotNull(typeof(EntryView).GetProperty(f.Name)));
        var kindSpecific = declared.Except(PortalModel.Instance.EntityContainer.EntitySets().Where(s => s.Name != PortalModel.Sets.Categories)
            .Select(s => s.EntityType.StructuralProperties().Select(p => p.Name)).Aggregate((a, b) => a.Intersect(b)));
        Assert.All(kindSpecific, name => Assert.Contains(PortalModel.Instance.EntityContainer.EntitySets(), s => s.EntityType.FindProperty(name) is not null));
    }

    [Fact]
    public void Keyset_fields_are_those_whose_values_order_as_their_column()
    {
        // Text, times, ids and numbers page by keyset; the body, tags, language tags (compared as tags), booleans and enums by offset.
        Assert.Equal(
            ["Id", "Title", "Summary", "Slug", "SeoDescription", "PublishedAt", "UpdatedAt", "ReviewedAt", "CategoryId", "DurationSeconds", "VideoUrl", "PosterUrl", "UsageRights", "RightsExpireOn"],
            EntryFields.KeysetReaders.Keys);
    }
}

using ContentHub.Api.Features.OData;
using ContentHub.Domain.Content;
using Microsoft.OData.Edm;

namespace ContentHub.Api.Tests.OData;

/// <summary>The one declaration of an entry's fields: what the model, the query side and the writers are built from.</summary>
public sealed class EntryFieldsTests
{
    [Theory]
    [InlineData("Articles", ContentKind.Article)]
    [InlineData("Videos", ContentKind.Video)]
    [InlineData("PromoAssets", ContentKind.PromoAsset)]
    public void Each_set_has_the_fields_declared_for_its_kind_in_their_order(string setName, ContentKind kind)
    {
        var type = PortalModel.Instance.EntityContainer.FindEntitySet(setName).EntityType;

        Assert.Equal(EntryFields.Of(kind).Select(f => f.Name), type.StructuralProperties().Select(p => p.Name));
        Assert.All(EntryFields.All, f => Assert.NotNull(typeof(EntryView).GetProperty(f.Name)));
        Assert.All(EntryFields.All.Where(f => f.Column is not null), f => Assert.Equal(typeof(Listing), f.Column!.Parameters.Single().Type));
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

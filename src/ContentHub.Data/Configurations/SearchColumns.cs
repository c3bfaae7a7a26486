using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace ContentHub.Data.Configurations;

/// <summary>
/// The search index of a row, kept beside it so that it changes in the same transaction: the service
/// analyses the text (ICU segmentation, stemming, folding) and writes the result as a tsvector literal;
/// PostgreSQL casts it to the tsvector it indexes with GIN. Shadow properties: the domain never sees them.
/// </summary>
public static class SearchColumns
{
    public const string Terms = "SearchTerms";
    public const string Vector = "SearchVector";
    public const string Version = "SearchVersion";

    public static void MapSearchColumns<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<string>(Terms).IsRequired().HasDefaultValue(string.Empty);
        builder.Property<NpgsqlTsVector>(Vector).HasComputedColumnSql("search_terms::tsvector", stored: true);
        builder.Property<short>(Version).HasDefaultValue((short)0);
        builder.HasIndex(Vector).HasMethod("gin");
    }
}

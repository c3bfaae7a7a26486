using ContentHub.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace ContentHub.Data.Configurations;

internal sealed class PublishedEntrySearchConfiguration : IEntityTypeConfiguration<PublishedEntrySearch>
{
    public void Configure(EntityTypeBuilder<PublishedEntrySearch> builder)
    {
        builder.ToTable("PublishedEntrySearch");
        builder.HasKey(e => new { e.ItemId, e.Language });
        builder.HasOne<PublishedEntry>().WithOne().HasForeignKey<PublishedEntrySearch>(e => new { e.ItemId, e.Language }).OnDelete(DeleteBehavior.Cascade);
        builder.Property<NpgsqlTsVector>(SearchColumns.Vector).IsRequired();
        builder.HasIndex(SearchColumns.Vector).HasMethod("gin");
    }
}

using ContentHub.Domain.Content;
using ContentHub.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class PublishedItemConfiguration : IEntityTypeConfiguration<PublishedItem>
{
    public void Configure(EntityTypeBuilder<PublishedItem> builder)
    {
        builder.ToTable("PublishedItems");
        builder.HasKey(i => i.ItemId);
        builder.Property(i => i.ItemId).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Languages).HasColumnType("text[]");
        builder.Property(i => i.ReviewedLanguages).HasColumnType("text[]");
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(i => i.ItemId).OnDelete(DeleteBehavior.Cascade);

        // A portal's lists: the newest items of a kind, in a category or in all.
        builder.HasIndex(i => new { i.CategoryId, i.Kind, i.PublishedAt, i.ItemId }).IsDescending(false, false, true, true);
        builder.HasIndex(i => new { i.Kind, i.PublishedAt, i.ItemId }).IsDescending(false, true, true);

        // The newest of every kind, for a search over all the kinds a portal carries.
        builder.HasIndex(i => new { i.PublishedAt, i.ItemId }).IsDescending(true, true);
    }
}

using ContentHub.Domain.Content;
using ContentHub.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class PublishedEntryConfiguration : IEntityTypeConfiguration<PublishedEntry>
{
    public void Configure(EntityTypeBuilder<PublishedEntry> builder)
    {
        builder.ToTable("PublishedEntries");
        builder.HasKey(e => new { e.ItemId, e.Language });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Tags).HasColumnType("text[]");
        builder.Property(e => e.Title).HasMaxLength(ContentVariant.MaxTitleLength);
        builder.Property(e => e.Summary).HasMaxLength(ContentVariant.MaxSummaryLength);
        builder.Property(e => e.Slug).HasMaxLength(Domain.Text.Slug.MaxLength);
        builder.Property(e => e.SeoDescription).HasMaxLength(ContentVariant.MaxSeoDescriptionLength);
        builder.Property(e => e.VideoUrl).HasMaxLength(WebAddress.MaxLength);
        builder.Property(e => e.PosterUrl).HasMaxLength(WebAddress.MaxLength);
        builder.Property(e => e.PromoAssetType).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UsageRights).HasMaxLength(2000);
        builder.Property(e => e.Credit).HasMaxLength(PromoDetails.MaxCreditLength);
        builder.Property(e => e.Files).HasColumnType("jsonb").HasConversion(
            files => PublishedFile.ToJson(files),
            json => PublishedFile.FromJson(json),
            new ValueComparer<List<PublishedFile>>((a, b) => a!.SequenceEqual(b!), files => files.Aggregate(0, (hash, f) => HashCode.Combine(hash, f.GetHashCode())), files => files.ToList()));
        builder.Property(e => e.TextFingerprint).HasMaxLength(32);
        builder.Property(e => e.TranslatedFrom).HasMaxLength(32);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);

        // Which entries carry a file (images their text places have no item_files row): files @> '[{"id": …}]'.
        builder.HasIndex(e => e.Files).HasMethod("gin").HasOperators("jsonb_path_ops");

        // Lists are read through PublishedItem (newest first) and this table's primary key; slugs are looked up.
        builder.HasIndex(e => new { e.Kind, e.Language, e.Slug });
        builder.MapSearchColumns();
    }
}

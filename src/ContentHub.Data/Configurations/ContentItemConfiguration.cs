using ContentHub.Domain.Content;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Tags).HasColumnType("text[]");
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
        builder.Property(i => i.UpdatedBy).HasMaxLength(200);
        builder.Property(i => i.Version).IsXmin();
        builder.Property(i => i.TranslationPriority).HasConversion<string>().HasMaxLength(20);

        builder.OwnsOne(i => i.Review, review => review.MapApproval());
        builder.OwnsOne(i => i.SignOff, signOff => signOff.MapApproval());
        builder.OwnsOne(i => i.Video, video =>
        {
            video.Property(v => v.VideoUrl).HasMaxLength(WebAddress.MaxLength);
            video.Property(v => v.PosterUrl).HasMaxLength(WebAddress.MaxLength);
        });
        builder.OwnsOne(i => i.Promo, promo =>
        {
            promo.Property(p => p.AssetType).HasConversion<string>().HasMaxLength(20);
            promo.Property(p => p.UsageRights).HasMaxLength(2000);
            promo.Property(p => p.Credit).HasMaxLength(PromoDetails.MaxCreditLength);
        });

        builder.HasMany(i => i.Variants).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Variants).HasField("_variants");
        builder.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Files).HasField("_files").AutoInclude();

        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // The editorial list: newest first, filtered by state, kind, category or unit.
        builder.HasIndex(i => new { i.UpdatedAt, i.Id });
        builder.HasIndex(i => new { i.Kind, i.State });
        // The scheduler's two questions: what is due to go up, and what is due to come down.
        builder.HasIndex(i => new { i.State, i.PublishAt });
        builder.HasIndex(i => new { i.State, i.UnpublishAt });
    }
}

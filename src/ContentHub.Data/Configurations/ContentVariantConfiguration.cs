using ContentHub.Domain.Content;
using ContentHub.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class ContentVariantConfiguration : IEntityTypeConfiguration<ContentVariant>
{
    public void Configure(EntityTypeBuilder<ContentVariant> builder)
    {
        builder.ToTable("ContentVariants");
        builder.HasKey(v => new { v.ItemId, v.Language });
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Title).HasMaxLength(ContentVariant.MaxTitleLength);
        builder.Property(v => v.Summary).HasMaxLength(ContentVariant.MaxSummaryLength);
        builder.Property(v => v.BodyMarkdown).HasMaxLength(ContentVariant.MaxBodyLength);
        builder.Property(v => v.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(v => v.SeoDescription).HasMaxLength(ContentVariant.MaxSeoDescriptionLength);
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.Property(v => v.UpdatedBy).HasMaxLength(200);
        builder.Property(v => v.Version).IsXmin();
        builder.OwnsOne(v => v.Review, review => review.MapApproval());
        builder.OwnsOne(v => v.SignOff, signOff => signOff.MapApproval());
        builder.Property(v => v.Fingerprint).HasMaxLength(32);
        builder.OwnsOne(v => v.Translation, translation =>
        {
            translation.Property(t => t.SourceFingerprint).HasMaxLength(32);
            translation.Property(t => t.Origin).HasConversion<string>().HasMaxLength(20);
            translation.Property(t => t.Provider).HasMaxLength(200);
            translation.Property(t => t.TranslatedBy).HasMaxLength(200);
            translation.Property(t => t.Stage).HasConversion<string>().HasMaxLength(20);
            translation.Property(t => t.ReturnComment).HasMaxLength(2000);
            translation.Property(t => t.ReturnedBy).HasMaxLength(200);
        });

        builder.HasIndex(v => new { v.Kind, v.Language, v.Slug }).IsUnique();

        // The newest variants, in every language or in one: where the editors' search probes first.
        builder.HasIndex(v => new { v.UpdatedAt, v.ItemId, v.Language }).IsDescending(true, true, false);
        builder.HasIndex(v => new { v.Language, v.UpdatedAt, v.ItemId }).IsDescending(false, true, true);
        builder.MapSearchColumns();
    }
}

using ContentHub.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class MediaCaptionConfiguration : IEntityTypeConfiguration<MediaCaption>
{
    public void Configure(EntityTypeBuilder<MediaCaption> builder)
    {
        builder.ToTable("MediaCaptions");
        builder.HasKey(c => new { c.FileId, c.Language });
        builder.Property(c => c.AltText).HasMaxLength(MediaCaption.MaxAltTextLength);
        builder.Property(c => c.Caption).HasMaxLength(MediaCaption.MaxCaptionLength);
        builder.Property(c => c.UpdatedBy).HasMaxLength(200);
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

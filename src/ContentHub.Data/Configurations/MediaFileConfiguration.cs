using ContentHub.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(f => f.Sha256).IsUnique();
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileName).HasMaxLength(MediaFile.MaxFileNameLength);
        builder.Property(f => f.UploadedBy).HasMaxLength(200);
        builder.Property(f => f.VideoCodec).HasMaxLength(50);
        builder.Property(f => f.AudioCodec).HasMaxLength(50);
    }
}

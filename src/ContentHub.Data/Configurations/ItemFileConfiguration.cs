using ContentHub.Domain.Content;
using ContentHub.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class ItemFileConfiguration : IEntityTypeConfiguration<ItemFile>
{
    public void Configure(EntityTypeBuilder<ItemFile> builder)
    {
        builder.ToTable("ItemFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Language).HasMaxLength(20);
        builder.Ignore(f => f.Link);
        // One file per role and language; "every language" (null) counts as one language here.
        builder.HasIndex(f => new { f.ItemId, f.Role, f.Language }).IsUnique().AreNullsDistinct(false);
        // "Which items use this file?" for deleting files and cleaning up unused ones.
        builder.HasIndex(f => f.FileId);
        // A file still attached cannot be deleted: the database refuses it even if a check is missed.
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Slug).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Names, names =>
        {
            names.ToTable("CategoryNames");
            names.WithOwner().HasForeignKey("CategoryId");
            names.HasKey("CategoryId", nameof(LocalizedName.Language));
            names.Property(n => n.Name).HasMaxLength(LocalizedName.MaxLength);
        });
        builder.Navigation(c => c.Names).HasField("_names");
    }
}

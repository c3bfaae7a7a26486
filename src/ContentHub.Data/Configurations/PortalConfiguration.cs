using ContentHub.Domain.Content;
using ContentHub.Domain.Portals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class PortalConfiguration : IEntityTypeConfiguration<Portal>, IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<Portal> builder)
    {
        builder.ToTable("Portals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.Property(p => p.BaseUrl).HasMaxLength(WebAddress.MaxLength);
        builder.Property(p => p.CategoryIds).HasColumnType("uuid[]");
        builder.Property(p => p.Kinds).HasColumnType("text[]");
        builder.Property(p => p.FeedTokenHash).HasMaxLength(32);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.OwnsMany(p => p.Languages, languages =>
        {
            languages.ToTable("PortalLanguages");
            languages.WithOwner().HasForeignKey("PortalId");
            languages.HasKey("PortalId", nameof(PortalLanguage.Language));
            languages.Property(l => l.Fallbacks).HasColumnType("text[]");
        });
        builder.Navigation(p => p.Languages).HasField("_languages");
    }

    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.Property(k => k.Label).HasMaxLength(200);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Ignore(k => k.IsActive);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasOne<Portal>().WithMany().HasForeignKey(k => k.PortalId).OnDelete(DeleteBehavior.Cascade);
    }
}

using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ToTable("OrgUnits");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Code).HasMaxLength(100);
        builder.Property(u => u.Type).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.OwnsMany(u => u.Names, names =>
        {
            names.ToTable("OrgUnitNames");
            names.WithOwner().HasForeignKey("OrgUnitId");
            names.HasKey("OrgUnitId", nameof(LocalizedName.Language));
            names.Property(n => n.Name).HasMaxLength(LocalizedName.MaxLength);
        });
        builder.Navigation(u => u.Names).HasField("_names");
    }
}

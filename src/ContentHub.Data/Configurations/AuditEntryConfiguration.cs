using ContentHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // No foreign keys: the log outlives what it speaks of (a deleted draft, a removed user).
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxActorLength);
        builder.Property(e => e.Action).HasMaxLength(60);
        builder.Property(e => e.Language).HasMaxLength(16);
        builder.Property(e => e.Subject).HasMaxLength(AuditEntry.MaxSubjectLength);
        builder.Property(e => e.FromState).HasMaxLength(20);
        builder.Property(e => e.ToState).HasMaxLength(20);
        builder.Property(e => e.IpAddress).HasMaxLength(AuditEntry.MaxIpAddressLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.MaxDetailsLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ItemId, e.Id });
        builder.HasIndex(e => new { e.Actor, e.Id });
        builder.HasIndex(e => new { e.Action, e.Id });
    }
}

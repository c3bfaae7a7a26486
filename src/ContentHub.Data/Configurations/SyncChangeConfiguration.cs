using ContentHub.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class SyncChangeConfiguration : IEntityTypeConfiguration<SyncChange>, IEntityTypeConfiguration<SyncPruning>
{
    public void Configure(EntityTypeBuilder<SyncChange> builder)
    {
        builder.ToTable("SyncChanges");
        builder.HasKey(c => c.Id);
        // The writing transaction's id, taken by the database at insert (all rows of one transaction share it).
        builder.Property(c => c.TransactionId).HasDefaultValueSql("pg_current_xact_id()::text::bigint").ValueGeneratedOnAdd();
        // No foreign key: a change outlives its item (a deletion is a change portals must hear of).
        builder.HasIndex(c => new { c.TransactionId, c.Id });
        builder.HasIndex(c => c.At);
    }

    public void Configure(EntityTypeBuilder<SyncPruning> builder)
    {
        builder.ToTable("SyncPruning");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasData(new { Id = SyncPruning.SingleRow, PrunedThrough = 0L });
    }
}

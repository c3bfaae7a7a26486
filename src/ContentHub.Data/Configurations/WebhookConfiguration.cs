using ContentHub.Domain.Portals;
using ContentHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class WebhookConfiguration :
    IEntityTypeConfiguration<WebhookSubscription>, IEntityTypeConfiguration<WebhookEvent>, IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Events).HasColumnType("text[]");
        builder.Property(s => s.Languages).HasColumnType("text[]");
        builder.Property(s => s.Kinds).HasColumnType("text[]");
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        builder.Property(s => s.ProtectedPreviousSecret).HasMaxLength(1000);
        builder.Property(s => s.DisabledReason).HasMaxLength(1000);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasOne<Portal>().WithMany().HasForeignKey(s => s.PortalId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.ToTable("WebhookEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(40);
        builder.Property(e => e.Language).HasMaxLength(16);
        builder.Property(e => e.Kind).HasMaxLength(20);
        // The dispatcher's question: what is not fanned out yet.
        builder.HasIndex(e => new { e.FannedOut, e.Id });
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.MessageId).HasMaxLength(100);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.ItemId, d.Id });
        builder.HasIndex(d => new { d.SubscriptionId, d.Id });
    }
}

using ContentHub.Domain.Content;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

internal sealed class TranslationConfiguration :
    IEntityTypeConfiguration<TranslationJob>, IEntityTypeConfiguration<TranslationUsage>, IEntityTypeConfiguration<MemoryEntry>, IEntityTypeConfiguration<GlossaryTerm>
{
    public void Configure(EntityTypeBuilder<TranslationJob> builder)
    {
        builder.ToTable("TranslationJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Languages).HasColumnType("text[]");
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.RequestedBy).HasMaxLength(200);
        builder.Property(j => j.Message).HasMaxLength(2000);
        builder.Ignore(j => j.Targets);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(j => j.ItemId).OnDelete(DeleteBehavior.Cascade);

        // The worker's question: the oldest queued job, or a running one whose claim lapsed.
        builder.HasIndex(j => new { j.State, j.Id });
        builder.HasIndex(j => new { j.ItemId, j.Id });
    }

    public void Configure(EntityTypeBuilder<TranslationUsage> builder)
    {
        builder.ToTable("TranslationUsage");
        builder.HasKey(u => u.Month);
    }

    public void Configure(EntityTypeBuilder<MemoryEntry> builder)
    {
        builder.ToTable("TranslationMemory");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Source).HasMaxLength(MemoryEntry.MaxSegmentLength);
        builder.Property(m => m.SourcePlain).HasMaxLength(MemoryEntry.MaxSegmentLength);
        builder.Property(m => m.Target).HasMaxLength(MemoryEntry.MaxSegmentLength);
        builder.Property(m => m.SourceHash).HasMaxLength(64);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.HasIndex(m => new { m.SourceLanguage, m.TargetLanguage, m.SourceHash }).IsUnique();
        // Fuzzy matches: trigram similarity (pg_trgm, from the contrib package).
        builder.HasIndex(m => m.SourcePlain).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public void Configure(EntityTypeBuilder<GlossaryTerm> builder)
    {
        builder.ToTable("GlossaryTerms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Source).HasMaxLength(GlossaryTerm.MaxTermLength);
        builder.Property(t => t.SourceKey).HasMaxLength(GlossaryTerm.MaxTermLength);
        builder.Property(t => t.Target).HasMaxLength(GlossaryTerm.MaxTermLength);
        builder.Property(t => t.PartOfSpeech).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Note).HasMaxLength(GlossaryTerm.MaxNoteLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(200);
        builder.Property(t => t.Version).IsXmin();
        builder.HasIndex(t => new { t.SourceLanguage, t.TargetLanguage, t.SourceKey }).IsUnique();
    }
}

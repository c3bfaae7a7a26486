using ContentHub.Data.Identity;
using ContentHub.Data.Security;
using ContentHub.Domain.Audit;
using ContentHub.Domain.Content;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;
using ContentHub.Domain.Revisions;
using ContentHub.Domain.Taxonomy;
using ContentHub.Domain.Translation;
using ContentHub.Domain.Webhooks;
using ContentHub.Domain.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Data;

/// <summary>The one database of ContentHub. Tables and columns are snake_case, as PostgreSQL users expect.</summary>
public sealed class ContentHubDbContext(DbContextOptions<ContentHubDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<ContentItem> Items => Set<ContentItem>();

    public DbSet<ContentVariant> Variants => Set<ContentVariant>();

    public DbSet<Revision> Revisions => Set<Revision>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<ReviewComment> Comments => Set<ReviewComment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Portal> Portals => Set<Portal>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<PublishedEntry> PublishedEntries => Set<PublishedEntry>();

    public DbSet<PublishedEntrySearch> PublishedEntrySearches => Set<PublishedEntrySearch>();

    public DbSet<PublishedItem> PublishedItems => Set<PublishedItem>();

    public DbSet<SyncChange> SyncChanges => Set<SyncChange>();

    public DbSet<SyncPruning> SyncPruning => Set<SyncPruning>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<TranslationJob> TranslationJobs => Set<TranslationJob>();

    public DbSet<TranslationUsage> TranslationUsage => Set<TranslationUsage>();

    public DbSet<MemoryEntry> TranslationMemory => Set<MemoryEntry>();

    public DbSet<GlossaryTerm> Glossary => Set<GlossaryTerm>();

    public DbSet<Domain.Media.MediaFile> MediaFiles => Set<Domain.Media.MediaFile>();

    public DbSet<Domain.Media.MediaCaption> MediaCaptions => Set<Domain.Media.MediaCaption>();

    public DbSet<ItemFile> ItemFiles => Set<ItemFile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(ContentHubDbContext).Assembly);
        TextFunctions.Register(builder);
        TimeFunctions.Register(builder);
        SnakeCaseNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Domain.Languages.LanguageTag>()
            .HaveConversion<LanguageTagConverter>()
            .HaveMaxLength(16);
    }
}

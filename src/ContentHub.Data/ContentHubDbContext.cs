using ContentHub.Domain.Content;
using ContentHub.Domain.Revisions;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Data;

/// <summary>The one database of ContentHub. Tables and columns are snake_case, as PostgreSQL users expect.</summary>
public sealed class ContentHubDbContext(DbContextOptions<ContentHubDbContext> options) : DbContext(options)
{
    public DbSet<ContentItem> Items => Set<ContentItem>();

    public DbSet<ContentVariant> Variants => Set<ContentVariant>();

    public DbSet<Revision> Revisions => Set<Revision>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContentHubDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Domain.Languages.LanguageTag>()
            .HaveConversion<LanguageTagConverter>()
            .HaveMaxLength(16);
    }
}

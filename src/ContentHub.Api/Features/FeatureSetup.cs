using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Comments;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Demo;
using ContentHub.Api.Features.Health;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.OData;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Publishing;
using ContentHub.Api.Features.Rendering;
using ContentHub.Api.Features.Revisions;
using ContentHub.Api.Features.Scheduling;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Api.Features.Workflow;
using ContentHub.Api.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentHub.Api.Features;

/// <summary>Registers and maps every feature.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddContentHubFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ItemService>();
        services.AddScoped<ItemList>();
        services.AddScoped<ItemReferences>();
        services.AddScoped<SlugAllocator>();
        services.AddScoped<ItemStore>();
        services.AddScoped<VariantWriter>();
        services.AddScoped<ReviewReopening>();
        services.AddScoped<RevisionService>();
        services.AddScoped<CategoryService>();
        services.AddScoped<OrgUnitService>();
        services.AddScoped<DemoContentSeeder>();
        services.AddScoped<ItemAccess>();
        services.AddScoped<ItemViews>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<VariantApprovals>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ScheduledPublisher>();
        services.AddScoped<PortalService>();
        services.AddScoped<PublicationProjector>();
        services.AddScoped<PortalEntries>();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ScheduledPublishingWorker>();
        services.AddSingleton<PortalDirectory>();
        services.AddHostedService<PortalChangeListener>();
        services.AddHealthFeature();
        return services;
    }

    public static IEndpointRouteBuilder MapContentHubFeatures(this IEndpointRouteBuilder routes) =>
        routes.MapGroup(string.Empty).AddEndpointFilterFactory(TextInputFilter.Create)
            .MapAuthEndpoints()
            .MapUserEndpoints()
            .MapItemEndpoints()
            .MapVariantEndpoints()
            .MapRevisionEndpoints()
            .MapCategoryEndpoints()
            .MapOrgUnitEndpoints()
            .MapWorkflowEndpoints()
            .MapCommentEndpoints()
            .MapAuditEndpoints()
            .MapPortalEndpoints()
            .MapODataEndpoints()
            .MapHealthEndpoints();
}

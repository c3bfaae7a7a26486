using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Comments;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Demo;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Features.Health;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.OData;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Publishing;
using ContentHub.Api.Features.Rendering;
using ContentHub.Api.Features.Revisions;
using ContentHub.Api.Features.Scheduling;
using ContentHub.Api.Features.Search;
using ContentHub.Api.Features.Syndication;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Api.Features.Translation;
using ContentHub.Api.Features.Webhooks;
using ContentHub.Api.Features.Workflow;
using ContentHub.Api.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentHub.Api.Features;

/// <summary>Every feature of the service, in one list: each registers and maps itself from its own folder.</summary>
public static class FeatureSetup
{
    private static readonly IFeature[] Features =
    [
        new RenderingFeature(),
        new AuditFeature(),
        new ContentFeature(),
        new ItemsFeature(),
        new RevisionsFeature(),
        new TaxonomyFeature(),
        new WorkflowFeature(),
        new GlossaryFeature(),
        new TranslationFeature(),
        new CommentsFeature(),
        new PublishingFeature(),
        new MediaFeature(),
        new SearchFeature(),
        new SchedulingFeature(),
        new PeopleFeature(),
        new PortalsFeature(),
        new ODataFeature(),
        new SyndicationFeature(),
        new WebhooksFeature(),
        new HealthFeature(),
        new DemoFeature(),
    ];

    public static IServiceCollection AddContentHubFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        foreach (var feature in Features)
        {
            feature.AddServices(services);
        }

        return services;
    }

    /// <summary>Maps every feature's routes behind the text check every endpoint shares.</summary>
    public static IEndpointRouteBuilder MapContentHubFeatures(this IEndpointRouteBuilder routes)
    {
        var all = routes.MapGroup(string.Empty).AddEndpointFilterFactory(TextInputFilter.Create);
        foreach (var feature in Features)
        {
            feature.MapEndpoints(all);
        }

        return routes;
    }
}

namespace ContentHub.Api.Features.Workflow;

/// <summary>Workflow steps of items and of single languages.</summary>
public sealed class WorkflowFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<WorkflowService>();
        services.AddScoped<VariantApprovals>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapWorkflowEndpoints();
    }
}

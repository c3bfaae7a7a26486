namespace ContentHub.Api.Features.Comments;

/// <summary>Threaded review comments on items and languages.</summary>
public sealed class CommentsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapCommentEndpoints();
    }
}

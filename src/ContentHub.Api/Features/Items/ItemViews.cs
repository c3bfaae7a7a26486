using ContentHub.Api.Features.Content;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Workflow;

namespace ContentHub.Api.Features.Items;

/// <summary>Builds item and variant representations: content, approvals as they stand, and the steps the caller may take.</summary>
public sealed class ItemViews(ContentHubDbContext db, ItemAccess access)
{
    public async Task<ItemResponse> ItemAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        return ItemResponse.From(item, latest, AllowedActions(item, latest));
    }

    public async Task<VariantResponse> VariantAsync(ContentItem item, ContentVariant variant, CancellationToken cancellationToken) =>
        VariantResponse.From(item, variant, await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false));

    /// <summary>The table's steps from the item's state that this caller may take, and that the content allows now.</summary>
    public IReadOnlyList<WorkflowAction> AllowedActions(ContentItem item, LatestRevisions latest) =>
        WorkflowTable.Transitions
            .Where(t => t.From.Contains(item.State) && access.CanTake(t, item))
            .Where(t => !t.NeedsReadyContent || latest.MissingForPublication(item).Count == 0)
            .Where(t => t.Action != WorkflowAction.SignOff || (item.Sensitive && item.SignOff?.Covers(latest.ItemFields) != true))
            .Select(t => t.Action)
            .ToList();
}

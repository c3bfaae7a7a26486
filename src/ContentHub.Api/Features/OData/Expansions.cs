using ContentHub.OData;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// What <c>$expand</c> asks of an entry: its <c>Category</c>, its <c>Files</c>, each with its own
/// <c>$select</c>. Other options inside an expansion ($filter, $orderby, $top, …) are refused with
/// 501 rather than ignored, so a portal never gets more or other than it asked for without being told.
/// </summary>
public sealed record Expansions(bool Category, SelectExpandClause? CategorySelect, bool Files, SelectExpandClause? FilesSelect)
{
    public const string CategoryName = "Category";
    public const string FilesName = "Files";

    public static Expansions Of(SelectExpandClause? clause)
    {
        ExpandedNavigationSelectItem? category = null, files = null;
        foreach (var item in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            if (new object?[] { item.FilterOption, item.OrderByOption, item.TopOption, item.SkipOption, item.CountOption, item.SearchOption, item.LevelsOption, item.ComputeOption, item.ApplyOption }.Any(o => o is not null))
            {
                throw ODataQueryException.NotImplemented("Query options inside $expand other than $select");
            }

            switch (item.PathToNavigationProperty.LastSegment.Identifier)
            {
                case CategoryName:
                    category = item;
                    break;
                case FilesName:
                    files = item;
                    break;
            }
        }

        return new Expansions(category is not null, category?.SelectAndExpand, files is not null, files?.SelectAndExpand);
    }
}

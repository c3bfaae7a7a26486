using ContentHub.Domain.Publishing;
using ContentHub.OData;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Features.OData;

/// <summary>Writes entries as OData JSON with Microsoft.OData.Core's writer, honouring $select and the metadata level.</summary>
public static class EntryWriter
{
    /// <summary>Bytes to reserve for a page: its bodies and about a kilobyte for everything else of each entry.</summary>
    public static int EstimatedSize(IReadOnlyList<EntryView> rows) => 1024 + rows.Sum(r => 1024 + (r.Body?.Length ?? 0));

    public static string ETag(EntryView entry) => $"W/\"{entry.UpdatedAt.UtcTicks}\"";

    public static BufferedResponseMessage Collection(IEdmEntitySet set, ODataUri uri, ODataVersion version, string metadataLevel, IReadOnlyList<EntryView> rows, long? count, Uri? nextLink)
    {
        var message = Message(metadataLevel, capacity: EstimatedSize(rows));
        using var writer = new ODataMessageWriter(message, Settings(uri, version), PortalModel.Instance);
        var resources = writer.CreateODataResourceSetWriter(set, set.EntityType);
        resources.WriteStart(new ODataResourceSet { Count = count, NextPageLink = nextLink });
        foreach (var row in rows)
        {
            WriteEntry(resources, set, row, uri, metadataLevel);
        }

        resources.WriteEnd();
        return message;
    }

    public static BufferedResponseMessage Entity(IEdmEntitySet set, ODataUri uri, ODataVersion version, string metadataLevel, EntryView row)
    {
        var message = Message(metadataLevel);
        using var writer = new ODataMessageWriter(message, Settings(uri, version), PortalModel.Instance);
        WriteEntry(writer.CreateODataResourceWriter(set, set.EntityType), set, row, uri, metadataLevel);
        return message;
    }

    /// <summary>Categories, named as <see cref="CategoryMap"/> picked.</summary>
    public static BufferedResponseMessage Categories(IEdmEntitySet set, ODataUri uri, ODataVersion version, string metadataLevel, IReadOnlyList<CategoryView> rows, long? count, Uri? nextLink, bool byKey)
    {
        var message = Message(metadataLevel);
        using var writer = new ODataMessageWriter(message, Settings(uri, version), PortalModel.Instance);
        if (byKey)
        {
            var one = writer.CreateODataResourceWriter(set, set.EntityType);
            one.WriteStart(Category(rows[0], uri.SelectAndExpand));
            one.WriteEnd();
            return message;
        }

        var resources = writer.CreateODataResourceSetWriter(set, set.EntityType);
        resources.WriteStart(new ODataResourceSet { Count = count, NextPageLink = nextLink });
        foreach (var row in rows)
        {
            resources.WriteStart(Category(row, uri.SelectAndExpand));
            resources.WriteEnd();
        }

        resources.WriteEnd();
        return message;
    }

    /// <summary>The context URL this writer puts on a collection (or a single entity) of the query's shape.</summary>
    public static string ContextUrl(IEdmEntitySet set, ODataUri uri, ODataVersion version, bool entity)
    {
        using var message = Message("minimal");
        using (var writer = new ODataMessageWriter(message, Settings(uri, version), PortalModel.Instance))
        {
            var resources = entity ? writer.CreateODataResourceWriter(set, set.EntityType) : writer.CreateODataResourceSetWriter(set, set.EntityType);
            if (entity)
            {
                resources.WriteStart(new ODataResource { TypeName = set.EntityType.FullTypeName(), Properties = [] });
            }
            else
            {
                resources.WriteStart(new ODataResourceSet());
            }

            resources.WriteEnd();
        }

        using var written = System.Text.Json.JsonDocument.Parse(message.Body.TryGetBuffer(out var bytes) ? bytes : message.Body.ToArray());
        return written.RootElement.EnumerateObject().First().Value.GetString()!;
    }

    private static void WriteEntry(ODataWriter writer, IEdmEntitySet set, EntryView row, ODataUri uri, string metadataLevel)
    {
        writer.WriteStart(Resource(set.EntityType, row, uri.SelectAndExpand, metadataLevel));
        var expand = Expansions.Of(uri.SelectAndExpand);
        if (row.Category is { } category)
        {
            writer.WriteStart(new ODataNestedResourceInfo { Name = Expansions.CategoryName, IsCollection = false });
            writer.WriteStart(Category(category, expand.CategorySelect));
            writer.WriteEnd();
            writer.WriteEnd();
        }

        if (row.Files is { } files)
        {
            var selected = Selected(expand.FilesSelect);
            writer.WriteStart(new ODataNestedResourceInfo { Name = Expansions.FilesName, IsCollection = true });
            writer.WriteStart(new ODataResourceSet());
            foreach (var file in files)
            {
                writer.WriteStart(new ODataResource
                {
                    TypeName = PortalModel.Namespace + ".File",
                    Properties = FileFields.All.Where(f => selected is null || selected.Contains(f.Name)).Select(f => new ODataProperty { Name = f.Name, Value = f.Value(file) }).ToList(),
                });
                writer.WriteEnd();
            }

            writer.WriteEnd();
            writer.WriteEnd();
        }

        writer.WriteEnd();
    }

    private static ODataResource Category(CategoryView category, SelectExpandClause? select)
    {
        ODataProperty[] properties =
        [
            new() { Name = "Id", Value = category.Id },
            new() { Name = "Slug", Value = category.Slug },
            new() { Name = "Name", Value = category.Name },
            new() { Name = "Language", Value = category.Language?.Code ?? string.Empty },
            new() { Name = "ParentId", Value = category.ParentId },
        ];
        var selected = Selected(select);
        return new ODataResource { TypeName = PortalModel.Namespace + ".Category", Properties = properties.Where(p => selected is null || selected.Contains(p.Name)).ToList() };
    }

    private static BufferedResponseMessage Message(string metadataLevel, int capacity = 0)
    {
        var message = new BufferedResponseMessage(capacity);
        message.SetHeader("Content-Type", $"application/json;odata.metadata={metadataLevel}");
        return message;
    }

    // The resources are built here from the model's own types, so the writer's per-property checks
    // (duplicate names, types against the model) would only repeat what the code guarantees.
    private static ODataMessageWriterSettings Settings(ODataUri uri, ODataVersion version) =>
        new() { BaseUri = uri.ServiceRoot, Version = version, ODataUri = uri, Validations = ValidationKinds.None };

    private static ODataResource Resource(IEdmEntityType type, EntryView row, SelectExpandClause? select, string metadataLevel)
    {
        var selected = Selected(select);
        var properties = Properties(row).Where(p => selected is null || selected.Contains(p.Name) || (p.Name == "Id" && metadataLevel == "full"));
        return new ODataResource { TypeName = type.FullTypeName(), ETag = ETag(row), Properties = properties.ToList() };
    }

    /// <summary>The property names $select asks for; null when it asks for all.</summary>
    public static HashSet<string>? Selected(SelectExpandClause? select)
    {
        var paths = select?.SelectedItems.OfType<PathSelectItem>().Select(p => p.SelectedPath.LastSegment.Identifier).ToHashSet(StringComparer.Ordinal);
        return select is null || select.AllSelected || paths!.Count == 0 ? null : paths;
    }

    private static IEnumerable<ODataProperty> Properties(EntryView e)
    {
        foreach (var field in EntryFields.Of(e.Kind))
        {
            yield return new ODataProperty { Name = field.Name, Value = field.Value(e) };
        }

        foreach (var (name, value) in e.ComputedValues())
        {
            yield return new ODataProperty { Name = name, Value = DynamicValues.ForWriter(value) };
        }
    }
}

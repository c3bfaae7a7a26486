using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.OData;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Writes entries as OData JSON with <c>odata.metadata=minimal</c> or <c>none</c> straight into the
/// pooled buffer with <see cref="Utf8JsonWriter"/>: the payload <see cref="EntryWriter"/> writes with
/// ODataMessageWriter (tests compare the two), without building a resource object per entry, escaping
/// character by character through a TextWriter (bodies are escaped as UTF-8 bytes, see
/// <see cref="JsonStringUtf8"/>), or allocating a large array per page. The context
/// URL is the one ODataMessageWriter computes, asked once per query shape. Full metadata
/// (ids, links, types) stays with <see cref="EntryWriter"/>.
/// </summary>
public static class EntryJsonWriter
{
    private const int MaxCachedContexts = 1000;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly ConcurrentDictionary<string, string> Contexts = new(StringComparer.Ordinal);

    public static bool Handles(string metadataLevel) => metadataLevel is "minimal" or "none";

    public static async Task WriteCollectionAsync(HttpContext http, IEdmEntitySet set, ODataUri uri, ODataVersion version, string metadataLevel, IReadOnlyList<EntryView> rows, long? count, Uri? nextLink)
    {
        var annotations = new Annotations(version, metadataLevel == "minimal");
        using var buffer = new PooledBufferWriter(EntryWriter.EstimatedSize(rows));
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (annotations.Minimal)
            {
                json.WriteString(annotations.Context, Context(set, uri, version, entity: false));
            }

            if (count is { } total)
            {
                json.WriteNumber(annotations.Count, total);
            }

            if (nextLink is not null)
            {
                json.WriteString(annotations.NextLink, nextLink.AbsoluteUri);
            }

            json.WritePropertyName("value");
            json.WriteStartArray();
            var selection = new Selection(uri.SelectAndExpand);
            foreach (var row in rows)
            {
                json.WriteStartObject();
                WriteEntry(json, row, selection, annotations);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await SendAsync(http, version, metadataLevel, buffer);
    }

    public static async Task WriteEntityAsync(HttpContext http, IEdmEntitySet set, ODataUri uri, ODataVersion version, string metadataLevel, EntryView row)
    {
        var annotations = new Annotations(version, metadataLevel == "minimal");
        using var buffer = new PooledBufferWriter(2048 + (row.Body?.Length ?? 0));
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (annotations.Minimal)
            {
                json.WriteString(annotations.Context, Context(set, uri, version, entity: true));
            }

            WriteEntry(json, row, new Selection(uri.SelectAndExpand), annotations);
            json.WriteEndObject();
        }

        await SendAsync(http, version, metadataLevel, buffer);
    }

    /// <summary>Sends a payload written whole first, so the response has a Content-Length and a failure while writing can still become an error.</summary>
    public static async Task SendAsync(HttpContext http, ODataVersion version, string metadataLevel, PooledBufferWriter buffer)
    {
        http.Response.Headers["OData-Version"] = ODataEndpoints.VersionHeader(version);
        if (ResponseValidators.NotModified(http, buffer.WrittenMemory.Span))
        {
            return;
        }

        http.Response.ContentType = $"application/json;odata.metadata={metadataLevel}";
        http.Response.ContentLength = buffer.WrittenMemory.Length;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    // Same properties, in the same order, as EntryWriter.Properties.
    private static void WriteEntry(Utf8JsonWriter json, EntryView e, Selection selection, Annotations annotations)
    {
        if (annotations.Minimal)
        {
            json.WriteString(annotations.ETag, EntryWriter.ETag(e));
        }

        var wants = selection.Entry;
        foreach (var field in EntryFields.Of(e.Kind))
        {
            if (wants(field.Name))
            {
                field.Json(json, field.Name, e);
            }
        }

        foreach (var (name, value) in e.ComputedValues())
        {
            json.WritePropertyName(name);
            DynamicValues.Write(json, value);
        }

        if (e.Category is { } category)
        {
            var named = selection.Category;
            json.WriteStartObject("Category");
            if (named("Id")) json.WriteString("Id", category.Id);
            if (named("Slug")) json.WriteString("Slug", category.Slug);
            if (named("Name")) json.WriteString("Name", category.Name);
            if (named("Language")) json.WriteString("Language", category.Language?.Code ?? string.Empty);
            if (named("ParentId"))
            {
                if (category.ParentId is { } parent) json.WriteString("ParentId", parent);
                else json.WriteNull("ParentId");
            }

            json.WriteEndObject();
        }

        if (e.Files is { } files)
        {
            var named = selection.File;
            json.WriteStartArray(Expansions.FilesName);
            foreach (var file in files)
            {
                json.WriteStartObject();
                foreach (var field in FileFields.All)
                {
                    if (named(field.Name))
                    {
                        FileFields.Json(json, field.Name, field.Value(file));
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    // Bodies are UTF-8 from the database: escaped as bytes, with no round trip through UTF-16.
    public static void Utf8String(Utf8JsonWriter json, string name, byte[]? utf8)
    {
        json.WritePropertyName(name);
        if (utf8 is null)
        {
            json.WriteNullValue();
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent(JsonStringUtf8.MaxLength(utf8.Length));
        try
        {
            var length = JsonStringUtf8.Write(utf8, scratch);
            json.WriteRawValue(scratch.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    public static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    // As ODataMessageWriter writes Edm.DateTimeOffset: UTC with "Z", trailing zeros of the fraction dropped.
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    // The context URL ODataMessageWriter would write for this query shape, found by letting it write
    // an empty payload, once per shape.
    private static string Context(IEdmEntitySet set, ODataUri uri, ODataVersion version, bool entity)
    {
        var key = string.Join('|', version, entity, uri.ServiceRoot, set.Name, Shape(uri.SelectAndExpand));
        if (Contexts.TryGetValue(key, out var known))
        {
            return known;
        }

        var context = EntryWriter.ContextUrl(set, uri, version, entity);
        if (Contexts.Count >= MaxCachedContexts)
        {
            Contexts.Clear();
        }

        Contexts[key] = context;
        return context;
    }

    private static string Shape(SelectExpandClause? clause) => clause is null
        ? string.Empty
        : string.Join(',', clause.SelectedItems.Select(item => item switch
        {
            PathSelectItem path => path.SelectedPath.LastSegment.Identifier,
            ExpandedNavigationSelectItem expanded => expanded.NavigationSource?.Name + "(" + Shape(expanded.SelectAndExpand) + ")",
            _ => item.GetType().Name,
        })) + (clause.AllSelected ? "*" : string.Empty);

    private readonly record struct Annotations(ODataVersion Version, bool Minimal)
    {
        private string Prefix => Version == ODataVersion.V401 ? "@" : "@odata.";

        public string Context => Prefix + "context";

        public string Count => Prefix + "count";

        public string NextLink => Prefix + "nextLink";

        public string ETag => Prefix + "etag";
    }

    // What $select asks for, of the entry, of its expanded category and of its expanded files (all when it names nothing).
    private sealed class Selection(SelectExpandClause? clause)
    {
        private readonly HashSet<string>? _entry = EntryWriter.Selected(clause);
        private readonly HashSet<string>? _category = EntryWriter.Selected(Expansions.Of(clause).CategorySelect);
        private readonly HashSet<string>? _file = EntryWriter.Selected(Expansions.Of(clause).FilesSelect);

        public Func<string, bool> Entry => name => _entry is null || _entry.Contains(name);

        public Func<string, bool> Category => name => _category is null || _category.Contains(name);

        public Func<string, bool> File => name => _file is null || _file.Contains(name);
    }
}

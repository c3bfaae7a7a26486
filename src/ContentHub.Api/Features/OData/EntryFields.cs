using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.OData;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The fields of an entry a portal reads, each declared once: its name (the EDM property, the
/// <see cref="EntryView"/> property and the JSON name are the same), the read-model column that
/// <c>$filter</c> and <c>$orderby</c> read, what the SELECT list reads where that differs (the body
/// as UTF-8 bytes, the languages from the item's row), whether it is read only when selected, and
/// whether a client's <c>$orderby</c> on it pages by keyset, which kinds have it, and how both writers write
/// it, and its EDM type. <see cref="PortalModel"/>, <see cref="EntryMap"/>, <see cref="EntryProjection"/>, the
/// keyset list and both writers read this, so a field is added in one place.
/// </summary>
public static class EntryFields
{
    /// <summary>
    /// One field: <paramref name="Kind"/> null for every kind, else only that kind's set has it;
    /// <paramref name="Column"/> null: filtered through something per portal (see <see cref="EntryMap"/>);
    /// <paramref name="Json"/> writes it (name and value) for <c>minimal</c>/<c>none</c>, <paramref name="Value"/> is it for ODataMessageWriter.
    /// </summary>
    public sealed record Field(
        string Name, EdmShape Edm, ContentKind? Kind, LambdaExpression? Column, Action<Utf8JsonWriter, string, EntryView> Json, Func<EntryView, object?> Value,
        LambdaExpression? Projected = null, bool OnlyWhenSelected = false, bool Keyset = false)
    {
        /// <summary>What the SELECT list reads into the <see cref="EntryView"/> property of this name.</summary>
        public LambdaExpression Read => Projected ?? Column!;
    }

    /// <summary>
    /// The field's EDM type: a primitive (null: the asset-type enumeration), whether it may be null, whether it is a
    /// collection of it, and whether it holds language tags (described as such in <c>$metadata</c>).
    /// </summary>
    public sealed record EdmShape(EdmPrimitiveTypeKind? Primitive, bool Nullable, bool Collection = false, bool Tag = false);

    private static readonly EdmShape Identifier = new(EdmPrimitiveTypeKind.Guid, false);
    private static readonly EdmShape Text = new(EdmPrimitiveTypeKind.String, false);
    private static readonly EdmShape OptionalText = new(EdmPrimitiveTypeKind.String, true);
    private static readonly EdmShape Instant = new(EdmPrimitiveTypeKind.DateTimeOffset, false);

    public static IReadOnlyList<Field> All { get; } =
    [
        Of("Id", Identifier, l => l.Item.ItemId, (w, n, e) => w.WriteString(n, e.Id), e => e.Id, keyset: true),
        Of("Language", Text with { Tag = true }, l => l.Entry.Language, (w, n, e) => w.WriteString(n, e.Language.Code), e => e.Language.Code),
        Of("Title", Text, l => l.Entry.Title, (w, n, e) => w.WriteString(n, e.Title), e => e.Title, keyset: true),
        Of("Summary", OptionalText, l => l.Entry.Summary, (w, n, e) => w.WriteString(n, e.Summary), e => e.Summary, keyset: true),
        new("Body", Text, null, Column(l => l.Entry.BodyHtml), (w, n, e) => EntryJsonWriter.Utf8String(w, n, e.Body), e => e.BodyHtml,
            Projected: Column(l => TextFunctions.Utf8(l.Entry.BodyHtml)), OnlyWhenSelected: true),
        Of("Slug", Text, l => l.Entry.Slug, (w, n, e) => w.WriteString(n, e.Slug), e => e.Slug, keyset: true),
        Of("SeoDescription", OptionalText, l => l.Entry.SeoDescription, (w, n, e) => w.WriteString(n, e.SeoDescription), e => e.SeoDescription, keyset: true),
        Of("Tags", Text with { Collection = true }, l => l.Entry.Tags, (w, n, e) => EntryJsonWriter.Strings(w, n, e.Tags), e => Strings(e.Tags)),
        // Filtered among the languages the portal may read; selected from the item's row (the reviewed ones where the portal asks).
        new("AvailableLanguages", Text with { Collection = true, Tag = true }, null, null, (w, n, e) => EntryJsonWriter.Strings(w, n, e.AvailableLanguages ?? []), e => Strings(e.AvailableLanguages ?? []),
            Projected: Column(l => l.Item.Languages), OnlyWhenSelected: true),
        Of("PublishedAt", Instant, l => l.Item.PublishedAt, (w, n, e) => w.WriteString(n, EntryJsonWriter.Time(e.PublishedAt)), e => e.PublishedAt, keyset: true),
        Of("UpdatedAt", Instant, l => l.Entry.UpdatedAt, (w, n, e) => w.WriteString(n, EntryJsonWriter.Time(e.UpdatedAt)), e => e.UpdatedAt, keyset: true),
        Of("MachineTranslated", new(EdmPrimitiveTypeKind.Boolean, false), l => l.Entry.MachineTranslated, (w, n, e) => w.WriteBoolean(n, e.MachineTranslated), e => e.MachineTranslated),
        Of("ReviewedAt", Instant with { Nullable = true }, l => l.Entry.ReviewedAt, (w, n, e) => w.WriteString(n, EntryJsonWriter.Time(e.ReviewedAt)), e => e.ReviewedAt, keyset: true),
        Of("SourceUpdatedAt", Instant with { Nullable = true }, l => l.Entry.SourceUpdatedAt, WriteInstant, e => e.SourceUpdatedAt),
        Of("CategoryId", Identifier, l => l.Item.CategoryId, (w, n, e) => w.WriteString(n, e.CategoryId), e => e.CategoryId, keyset: true),
        Of("DurationSeconds", new(EdmPrimitiveTypeKind.Int32, false), l => l.Entry.VideoDurationSeconds, (w, n, e) => w.WriteNumber(n, e.DurationSeconds ?? 0), e => e.DurationSeconds ?? 0, ContentKind.Video, keyset: true),
        Of("VideoUrl", OptionalText, l => l.Entry.VideoUrl, (w, n, e) => w.WriteString(n, e.VideoUrl), e => e.VideoUrl, ContentKind.Video, keyset: true),
        Of("Transcript", OptionalText, l => l.Entry.Transcript, (w, n, e) => w.WriteString(n, e.Transcript), e => e.Transcript, ContentKind.Video),
        Of("PosterUrl", OptionalText, l => l.Entry.PosterUrl, (w, n, e) => w.WriteString(n, e.PosterUrl), e => e.PosterUrl, ContentKind.Video, keyset: true),
        Of("AssetType", new(null, false), l => l.Entry.PromoAssetType, (w, n, e) => w.WriteString(n, e.AssetType?.ToString()),
            e => new ODataEnumValue(e.AssetType?.ToString(), PortalModel.Namespace + ".PromoAssetType"), ContentKind.PromoAsset),
        Of("UsageRights", OptionalText, l => l.Entry.UsageRights, (w, n, e) => w.WriteString(n, e.UsageRights), e => e.UsageRights, ContentKind.PromoAsset, keyset: true),
        Of("RightsExpireOn", new(EdmPrimitiveTypeKind.Date, true), l => l.Entry.RightsExpireOn, WriteDate, e => e.RightsExpireOn, ContentKind.PromoAsset, keyset: true),
    ];

    /// <summary>The fields an entry of <paramref name="kind"/> has, in the order they are written.</summary>
    public static IReadOnlyList<Field> Of(ContentKind kind) => ByKind[kind];

    private static readonly Dictionary<ContentKind, IReadOnlyList<Field>> ByKind =
        Enum.GetValues<ContentKind>().ToDictionary(kind => kind, kind => (IReadOnlyList<Field>)All.Where(f => f.Kind is null || f.Kind == kind).ToList());

    /// <summary>How to read each keyset field back from a page row, for the token that continues after it.</summary>
    public static IReadOnlyDictionary<string, Func<EntryView, object?>> KeysetReaders { get; } = All
        .Where(f => f.Keyset)
        .ToDictionary(f => f.Name, f => Getter(f.Name), StringComparer.Ordinal);

    private static Field Of<TValue>(
        string name, EdmShape edm, Expression<Func<Listing, TValue>> column, Action<Utf8JsonWriter, string, EntryView> json, Func<EntryView, object?> value,
        ContentKind? kind = null, bool keyset = false) =>
        new(name, edm, kind, column, json, value, Keyset: keyset);

    private static ODataCollectionValue Strings(IEnumerable<string> values) => new() { TypeName = "Collection(Edm.String)", Items = values };

    private static void WriteDate(Utf8JsonWriter json, string name, EntryView e)
    {
        if (e.RightsExpireOn is { } day)
        {
            json.WriteString(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteInstant(Utf8JsonWriter json, string name, EntryView e)
    {
        if (e.SourceUpdatedAt is { } instant)
        {
            json.WriteString(name, EntryJsonWriter.Time(instant));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static Expression<Func<Listing, TValue>> Column<TValue>(Expression<Func<Listing, TValue>> column) => column;

    private static Func<EntryView, object?> Getter(string name)
    {
        var row = Expression.Parameter(typeof(EntryView), "e");
        return Expression.Lambda<Func<EntryView, object?>>(Expression.Convert(Expression.Property(row, name), typeof(object)), row).Compile();
    }
}

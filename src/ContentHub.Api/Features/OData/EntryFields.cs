using System.Linq.Expressions;
using ContentHub.Data;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The fields of an entry a portal reads, each declared once: its name (the EDM property, the
/// <see cref="EntryView"/> property and the JSON name are the same), the read-model column that
/// <c>$filter</c> and <c>$orderby</c> read, what the SELECT list reads where that differs (the body
/// as UTF-8 bytes, the languages from the item's row), whether it is read only when selected, and
/// whether a client's <c>$orderby</c> on it pages by keyset. <see cref="EntryMap"/>, <see cref="EntryProjection"/>
/// and the keyset list read this; the EDM model and the two writers declare the same names in the same order.
/// </summary>
public static class EntryFields
{
    /// <summary>One field. <paramref name="Column"/> null: filtered through something per portal (see <see cref="EntryMap"/>).</summary>
    public sealed record Field(string Name, LambdaExpression? Column, LambdaExpression? Projected = null, bool OnlyWhenSelected = false, bool Keyset = false)
    {
        /// <summary>What the SELECT list reads into the <see cref="EntryView"/> property of this name.</summary>
        public LambdaExpression Read => Projected ?? Column!;
    }

    public static IReadOnlyList<Field> All { get; } =
    [
        Of("Id", l => l.Item.ItemId, keyset: true),
        Of("Language", l => l.Entry.Language),
        Of("Title", l => l.Entry.Title, keyset: true),
        Of("Summary", l => l.Entry.Summary, keyset: true),
        new("Body", Column(l => l.Entry.BodyHtml), Column(l => TextFunctions.Utf8(l.Entry.BodyHtml)), OnlyWhenSelected: true),
        Of("Slug", l => l.Entry.Slug, keyset: true),
        Of("SeoDescription", l => l.Entry.SeoDescription, keyset: true),
        Of("Tags", l => l.Entry.Tags),
        // Filtered among the languages the portal may read; selected from the item's row (the reviewed ones where the portal asks).
        new("AvailableLanguages", null, Column(l => l.Item.Languages), OnlyWhenSelected: true),
        Of("PublishedAt", l => l.Item.PublishedAt, keyset: true),
        Of("UpdatedAt", l => l.Entry.UpdatedAt, keyset: true),
        Of("MachineTranslated", l => l.Entry.MachineTranslated),
        Of("ReviewedAt", l => l.Entry.ReviewedAt, keyset: true),
        Of("CategoryId", l => l.Item.CategoryId, keyset: true),
        Of("DurationSeconds", l => l.Entry.VideoDurationSeconds, keyset: true),
        Of("VideoUrl", l => l.Entry.VideoUrl, keyset: true),
        Of("PosterUrl", l => l.Entry.PosterUrl, keyset: true),
        Of("AssetType", l => l.Entry.PromoAssetType),
        Of("UsageRights", l => l.Entry.UsageRights, keyset: true),
        Of("RightsExpireOn", l => l.Entry.RightsExpireOn, keyset: true),
    ];

    /// <summary>How to read each keyset field back from a page row, for the token that continues after it.</summary>
    public static IReadOnlyDictionary<string, Func<EntryView, object?>> KeysetReaders { get; } = All
        .Where(f => f.Keyset)
        .ToDictionary(f => f.Name, f => Getter(f.Name), StringComparer.Ordinal);

    private static Field Of<TValue>(string name, Expression<Func<Listing, TValue>> column, bool keyset = false) => new(name, column, Keyset: keyset);

    private static Expression<Func<Listing, TValue>> Column<TValue>(Expression<Func<Listing, TValue>> column) => column;

    private static Func<EntryView, object?> Getter(string name)
    {
        var row = Expression.Parameter(typeof(EntryView), "e");
        return Expression.Lambda<Func<EntryView, object?>>(Expression.Convert(Expression.Property(row, name), typeof(object)), row).Compile();
    }
}

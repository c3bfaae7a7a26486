using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

/// <summary>Maps a <c>uint Version</c> to PostgreSQL's <c>xmin</c> system column, which changes on every write of a row.</summary>
internal static class RowVersion
{
    public static PropertyBuilder<uint> IsXmin(this PropertyBuilder<uint> property) =>
        property.HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
}

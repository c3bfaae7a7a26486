namespace ContentHub.Data.Migrations;

/// <summary>
/// Reads a migration's SQL, embedded in this assembly. Our migrations are SQL files because the EF
/// Core design-time package (<c>dotnet ef</c>) cannot be restored from the package registry our
/// builds use; a test proves that the migrations produce exactly the schema of the EF model.
/// </summary>
internal static class MigrationScript
{
    public static string Read(string fileName)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(name => name.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

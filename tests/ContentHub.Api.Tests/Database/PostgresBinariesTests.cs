using ContentHub.Data.Embedded;

namespace ContentHub.Api.Tests.Database;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("contenthub-bins-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void With_no_binaries_anywhere_the_message_names_both_ways_out()
    {
        var options = new EmbeddedPostgresOptions { InstallRoot = Path.Combine(_root, "none") };

        var error = Assert.Throws<PostgresBinariesNotFoundException>(() => PostgresBinaries.Locate(options, overrideDirectory: null, path: _root));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__ContentHub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_folder_without_the_tools_is_refused_by_name()
    {
        var error = Assert.Throws<PostgresBinariesNotFoundException>(() => PostgresBinaries.Locate(new EmbeddedPostgresOptions(), overrideDirectory: _root, path: null));
        Assert.Contains(_root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_override_comes_first_then_path_then_the_newest_installed_version()
    {
        var installRoot = Path.Combine(_root, "postgresql");
        var v14 = FakeVersion(installRoot, "14");
        var v16 = FakeVersion(installRoot, "16");
        var v9 = FakeVersion(installRoot, "9.6");
        var options = new EmbeddedPostgresOptions { InstallRoot = installRoot };

        Assert.Equal(v16, PostgresBinaries.Locate(options, overrideDirectory: null, path: string.Empty).Directory);

        // /usr/local/bin/pg_ctl -> /usr/lib/postgresql/14/bin/pg_ctl: the link's target folder is used.
        var linkFolder = Directory.CreateDirectory(Path.Combine(_root, "local-bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(linkFolder, "pg_ctl"), Path.Combine(v14, "pg_ctl"));
        Assert.Equal(v14, PostgresBinaries.Locate(options, overrideDirectory: null, path: linkFolder).Directory);

        Assert.Equal(v9, PostgresBinaries.Locate(options, overrideDirectory: v9, path: linkFolder).Directory);
    }

    private static string FakeVersion(string installRoot, string version)
    {
        var bin = Directory.CreateDirectory(Path.Combine(installRoot, version, "bin")).FullName;
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            File.WriteAllText(Path.Combine(bin, tool), string.Empty);
        }

        return bin;
    }
}

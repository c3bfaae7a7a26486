namespace ContentHub.Testing;

/// <summary>Files of the repository that tests check the service against (README, openapi/).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContentHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with ContentHub.sln) was not found above " + AppContext.BaseDirectory);
    }
}

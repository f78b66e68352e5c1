namespace Slices.Tests;

/// <summary>The folder that contains Slices.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Slices.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"Slices.sln not found above {AppContext.BaseDirectory}.");
    }
}

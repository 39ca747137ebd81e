using System.Reflection;

namespace Publishing.Tests.Support;

internal static class TestPaths
{
    public static string ProjectDirectory { get; } =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProjectDirectory").Value!;

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    public static string Golden { get; } = Path.Combine(ProjectDirectory, "Golden");

    /// <summary>What <c>make publish</c> writes, committed so <c>kubectl apply -k deploy/k8s</c> works on a fresh clone.</summary>
    public static string Deploy { get; } = Path.Combine(RepositoryRoot, "deploy", "k8s");

    /// <summary>A project of the repository, for models built in the tests (Aspire reads its launch settings).</summary>
    public static string Project(string name) => Path.Combine(RepositoryRoot, name, $"{name}.csproj");

    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "airline-publishing-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

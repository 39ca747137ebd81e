using System.Reflection;

namespace Publishing.Tests.Support;

/// <summary>Publishing the AppHost's model through Aspire's pipeline, as <c>make publish</c> and <c>aspire publish</c> do.</summary>
internal static class Publish
{
    /// <summary>The settings <c>make publish</c> passes by default.</summary>
    public static readonly string[] MakefileSettings =
    [
        "--Kubernetes:Namespace", "airline", "--Kubernetes:Registry", "localhost:5000", "--Kubernetes:Tag", "latest",
        "--Kubernetes:IngressClass", "nginx", "--Kubernetes:PublicUrl", "http://airline.localhost",
    ];

    private static readonly string Configuration =
        typeof(Publish).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built AppHost's publish step, run as <c>dotnet run --project AppHost -- --operation publish --step publish</c>.</summary>
    public static Task<ToolResult> AppHostAsync(string outputDirectory, params string[] settings) =>
        RunAsync("dotnet",
        [
            "run", "--project", Path.Combine(TestPaths.RepositoryRoot, "AppHost"), "-c", Configuration, "--no-build", "--no-launch-profile", "--",
            "--operation", "publish", "--step", "publish", "--output-path", outputDirectory, .. settings,
        ]);

    /// <summary>What <c>make publish</c> runs: <c>aspire publish -o DIR</c>, through the Aspire CLI of the repository's tool manifest.</summary>
    public static Task<ToolResult> AspireCliAsync(string outputDirectory, params string[] settings) =>
        RunAsync("dotnet",
        [
            "tool", "run", "aspire", "--", "publish", "--apphost", Path.Combine(TestPaths.RepositoryRoot, "AppHost", "AppHost.csproj"),
            "-o", outputDirectory, "--non-interactive", "--nologo", "--no-build", .. settings.Length == 0 ? [] : new[] { "--" }.Concat(settings),
        ]);

    /// <summary>Every file of a folder, by name, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Files(string directory, params string[] except) =>
        new(Directory.EnumerateFiles(directory)
                .Where(file => !except.Contains(Path.GetFileName(file)))
                .ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes),
            StringComparer.Ordinal);

    private static async Task<ToolResult> RunAsync(string program, string[] arguments) =>
        await ExternalTool.RunAsync(program, arguments, TestPaths.RepositoryRoot, TimeSpan.FromMinutes(5))
        ?? throw new InvalidOperationException($"{program} is not on the PATH.");
}

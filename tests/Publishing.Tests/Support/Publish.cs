using Airline.Hosting.Publishing;
using Airline.Hosting.Publishing.Kubernetes;
using Airline.Hosting.Testing;

namespace Publishing.Tests.Support;

/// <summary>Publishing an app model, in this process or through the AppHost's command line.</summary>
internal static class Publish
{
    /// <summary>The options <c>make publish</c> passes by default.</summary>
    public static readonly string[] MakefileOptions =
        ["--namespace", "airline", "--registry", "localhost:5000", "--tag", "latest", "--ingress-class", "nginx"];

    /// <summary>The real AppHost's model, captured at its <c>Build()</c>.</summary>
    public static async Task<IDistributedApplicationBuilder> AppHostModelAsync() =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();

    public static PublishResult Model(IDistributedApplicationBuilder builder, string directory, params string[] options)
    {
        var arguments = PublishArguments.Parse(["publish", "--publisher", "kubernetes", "--output-path", directory, .. options]);
        var parsed = KubernetesPublisherOptions.Parse(arguments.Options, builder.Environment.ApplicationName);
        return new KubernetesPublisher(parsed, builder.Configuration).Publish([.. builder.Resources], directory);
    }

    /// <summary>Runs the built AppHost as <c>dotnet run --project AppHost -- ARGS</c> would, from <paramref name="workingDirectory"/>.</summary>
    public static async Task<ToolResult> AppHostCommandAsync(string workingDirectory, params string[] args) =>
        await ExternalTool.RunAsync("dotnet", [new Projects.AppHost().TargetPath, .. args], workingDirectory, TimeSpan.FromMinutes(2))
        ?? throw new InvalidOperationException("dotnet is not on the PATH.");

    /// <summary>Every file of a folder, by name, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Files(string directory, params string[] except) =>
        new(Directory.EnumerateFiles(directory)
                .Where(file => !except.Contains(Path.GetFileName(file)))
                .ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes),
            StringComparer.Ordinal);
}

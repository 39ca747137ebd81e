using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Publishing.Yaml;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Publishing.Kubernetes;

internal sealed record PublishResult(int ObjectCount, IReadOnlyList<string> Notes);

/// <summary>
/// Writes a kustomize base for the app model: <c>kustomization.yaml</c> and one file per object. The same
/// model and options give byte-identical files; the only values that differ between installations, the
/// passwords, live in the git-ignored <c>secrets.env</c> beside them.
/// </summary>
internal sealed class KubernetesPublisher(KubernetesPublisherOptions options, IConfiguration configuration)
{
    public const string Name = "kubernetes";

    public const string Header = "Generated from the app model by `publish --publisher kubernetes`: change the AppHost, not this file.";

    public PublishResult Publish(IReadOnlyList<IResource> resources, string outputDirectory)
    {
        var context = new PublishContext(options, configuration);
        var objects = new List<KubernetesObject> { Namespace() };
        foreach (var resource in resources)
        {
            objects.AddRange(Manifests(resource, context));
        }

        objects.AddRange(NetworkPolicies.For(resources, context));
        if (resources.OfType<ProjectResource>().Where(project => project.IsExternal)
                .SelectMany(project => project.ExternalPaths.Select(path => (path, project.Name)))
                .GroupBy(route => route.path).FirstOrDefault(group => group.Count() > 1) is { } shared)
        {
            throw new DistributedApplicationException(
                $"{string.Join(" and ", shared.Select(route => route.Name))} are both external at '{shared.Key}': " +
                "give each its own paths with WithExternalHttpEndpoints(paths).");
        }

        if (objects.GroupBy(item => item.FileName).FirstOrDefault(group => group.Count() > 1) is { } clash)
        {
            throw new DistributedApplicationException($"Two objects would be written to {clash.Key}: rename one of the resources.");
        }

        Directory.CreateDirectory(outputDirectory);
        DeleteEarlierOutput(outputDirectory);
        foreach (var item in objects)
        {
            Write(outputDirectory, item.FileName, YamlWriter.Write(item.Document, Header));
        }

        Write(outputDirectory, "kustomization.yaml", YamlWriter.Write(Kustomization(objects, context), Header));
        Write(outputDirectory, ".gitignore", SecretsEnvFile.FileName + "\n");

        var secretsFile = Path.Combine(outputDirectory, SecretsEnvFile.FileName);
        foreach (var empty in SecretsEnvFile.Ensure(secretsFile, context.SecretKeys))
        {
            context.Notes.Add($"'{empty}' in {secretsFile} is empty: fill it in before applying.");
        }

        return new PublishResult(objects.Count, context.Notes);
    }

    private static IEnumerable<KubernetesObject> Manifests(IResource resource, PublishContext context) => resource switch
    {
        ProjectResource project => ProjectManifests.For(project, context),
        MySqlServerResource server => MySqlManifests.For(server, context),
        RedisResource redis => RedisManifests.For(redis, context),
        ContainerResource container => ContainerManifests.For(container, context),
        // These take part through the resources that reference them or own them.
        MySqlDatabaseResource or ParameterResource or ConnectionStringResource => [],
        ExecutableResource => throw new DistributedApplicationException(
            $"'{resource.Name}' is an executable, a process of this machine, which cannot be published to Kubernetes: " +
            "make it a container or a project, or add it only in run mode (builder.ExecutionContext.IsRunMode)."),
        _ => throw new DistributedApplicationException($"'{resource.Name}' is a {resource.GetType().Name}, which the kubernetes publisher does not know."),
    };

    /// <summary>The namespace, held to the "restricted" Pod Security Standard.</summary>
    private KubernetesObject Namespace()
    {
        var labels = new YamlMap
        {
            [PublishContext.PartOfLabel] = options.Namespace,
            ["pod-security.kubernetes.io/enforce"] = "restricted",
            ["pod-security.kubernetes.io/enforce-version"] = "latest",
        };
        return new KubernetesObject("Namespace", options.Namespace, new YamlMap
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new YamlMap { ["name"] = options.Namespace, ["labels"] = labels },
        });
    }

    private static YamlMap Kustomization(List<KubernetesObject> objects, PublishContext context) => new()
    {
        ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
        ["kind"] = "Kustomization",
        ["namespace"] = context.Options.Namespace,
        ["resources"] = objects.Select(item => item.FileName).Order(StringComparer.Ordinal).ToList(),
        ["secretGenerator"] = context.SecretKeys.Count == 0
            ? null
            : new[] { new YamlMap { ["name"] = PublishContext.SecretName, ["envs"] = new[] { SecretsEnvFile.FileName } } },
    };

    /// <summary>Removes the files an earlier run wrote, so objects no longer in the model do not linger; nothing else.</summary>
    private static void DeleteEarlierOutput(string outputDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(outputDirectory, "*.yaml"))
        {
            using (var reader = new StreamReader(file))
            {
                if (reader.ReadLine() != $"# {Header}")
                {
                    continue;
                }
            }

            File.Delete(file);
        }
    }

    private static void Write(string directory, string fileName, string content) =>
        File.WriteAllText(Path.Combine(directory, fileName), content);
}

using Airline.Hosting.Kubernetes.Manifests;
using Airline.Hosting.Kubernetes.Model;
using Airline.Hosting.Kubernetes.Yaml;
using Airline.Hosting.LocalServers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Kubernetes.Publishing;

internal sealed record PublishResult(int ObjectCount, IReadOnlyList<string> Notes);

/// <summary>
/// Writes a kustomize base for the app model: <c>kustomization.yaml</c> and one file per object. The same
/// model and options give byte-identical files; the only values that differ between installations, the
/// secrets, live in the git-ignored <c>secrets.env</c> beside them.
/// </summary>
internal sealed class KubernetesPublisher(KubernetesPublisherOptions options, IConfiguration configuration)
{
    public const string Header = "Generated from the app model by `aspire publish` (make publish): change the AppHost, not this file.";

    public async Task<PublishResult> PublishAsync(
        DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext, string outputDirectory, CancellationToken cancellationToken)
    {
        var context = new PublishContext(options, configuration);
        var workloads = Workloads.Of(model);
        var values = new ClusterValues(workloads, options.PublicUrl);
        var objects = new List<KubernetesObject> { Namespace() };
        var connections = new List<WorkloadConnections>();
        var projects = new List<PublishedProject>();
        foreach (var workload in workloads.All)
        {
            if (workload.Resource is ProjectResource resource)
            {
                var environment = new ResourceEnvironment();
                await environment.AddAsync(resource, ProjectManifests.OwnVariables, values, context, executionContext, cancellationToken);
                var project = new PublishedProject(resource, environment);
                projects.Add(project);
                objects.AddRange(ProjectManifests.For(project, context));
                connections.Add(new WorkloadConnections(workload, environment.Reaches, project.IsExternal));
                continue;
            }

            objects.AddRange(workload.Resource is IMySqlServerResource mysql
                ? MySqlManifests.For(mysql, context)
                : RedisManifests.For(workload.Resource, context));
            connections.Add(new WorkloadConnections(workload, [], IsExternal: false));
        }

        objects.AddRange(NetworkPolicies.For(connections, context));
        CheckIngressPathsAreUnique(projects);
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

    private static void CheckIngressPathsAreUnique(IEnumerable<PublishedProject> projects)
    {
        if (projects.Where(project => project.IsExternal)
                .SelectMany(project => project.ExternalPaths.Select(path => (path, project.Name)))
                .GroupBy(route => route.path).FirstOrDefault(group => group.Count() > 1) is { } shared)
        {
            throw new DistributedApplicationException(
                $"{string.Join(" and ", shared.Select(route => route.Name))} are both external at '{shared.Key}': " +
                "give each its own paths with WithExternalHttpEndpoints(paths).");
        }
    }

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

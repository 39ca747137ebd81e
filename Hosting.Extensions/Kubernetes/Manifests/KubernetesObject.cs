using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;

namespace Airline.Hosting.Kubernetes.Manifests;

/// <summary>One object of the output, written to a file of its own.</summary>
internal sealed record KubernetesObject(string Kind, string Name, YamlMap Document)
{
    public string FileName => $"{Name}-{Kind.ToLowerInvariant()}.yaml";

    public static KubernetesObject Create(string apiVersion, string kind, string name, YamlMap labels, string bodyKey, YamlMap body) =>
        new(kind, name, new YamlMap
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new YamlMap { ["name"] = name, ["labels"] = labels },
            [bodyKey] = body,
        });
}

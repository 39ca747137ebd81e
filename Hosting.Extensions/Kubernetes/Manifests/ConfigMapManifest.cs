using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;

namespace Airline.Hosting.Kubernetes.Manifests;

/// <summary>A workload's settings that are not secret, given to its container with <c>envFrom</c>.</summary>
internal static class ConfigMapManifest
{
    public static string NameOf(string workload) => $"{workload}-config";

    public static KubernetesObject Create(string workload, SortedDictionary<string, string> settings, PublishContext context)
    {
        var data = new YamlMap();
        foreach (var (name, value) in settings)
        {
            data[name] = value;
        }

        return KubernetesObject.Create("v1", "ConfigMap", NameOf(workload), context.Labels(workload), "data", data);
    }

    public static YamlMap EnvFrom(string workload) =>
        new() { ["configMapRef"] = new YamlMap { ["name"] = NameOf(workload) } };
}

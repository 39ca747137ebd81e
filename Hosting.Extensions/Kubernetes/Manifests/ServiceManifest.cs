using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;

namespace Airline.Hosting.Kubernetes.Manifests;

internal sealed record NamedPort(string Name, int Port);

internal static class ServiceManifest
{
    /// <summary>
    /// A Service named after its workload, whose ports target the container ports of the same names;
    /// headless for a StatefulSet, so its DNS name resolves to the pod itself.
    /// </summary>
    public static KubernetesObject Create(string workload, IReadOnlyList<NamedPort> ports, bool headless, PublishContext context) =>
        KubernetesObject.Create("v1", "Service", workload, context.Labels(workload), "spec", new YamlMap
        {
            ["type"] = "ClusterIP",
            ["clusterIP"] = headless ? "None" : null,
            ["selector"] = new YamlMap { [PublishContext.NameLabel] = workload },
            ["ports"] = ports
                .Select(port => new YamlMap { ["name"] = port.Name, ["port"] = port.Port, ["targetPort"] = port.Name, ["protocol"] = "TCP" })
                .ToList(),
        });
}

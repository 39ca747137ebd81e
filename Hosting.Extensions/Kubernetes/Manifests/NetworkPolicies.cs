using Airline.Hosting.Kubernetes.Model;
using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;

namespace Airline.Hosting.Kubernetes.Manifests;

/// <summary>
/// Least-privilege traffic: everything in the namespace is denied, then every pod may resolve names, and
/// each workload gets one policy allowing what the app model says — a workload whose settings name another's
/// Service may reach its pods on its port, an external project may be reached from the ingress controller, and the
/// projects may export telemetry to the OTLP collector.
/// </summary>
internal static class NetworkPolicies
{
    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    public static IEnumerable<KubernetesObject> For(IReadOnlyList<WorkloadConnections> workloads, PublishContext context)
    {
        yield return Policy("default-deny", context.NamespaceLabels(), new YamlMap(), ingress: [], egress: [], denyAll: true);
        yield return Policy("allow-dns", context.NamespaceLabels(), new YamlMap(), ingress: [], egress: [Dns()]);

        foreach (var (workload, reaches, isExternal) in workloads)
        {
            var ingress = workloads
                .Where(client => client.Reaches.Contains(workload))
                .Select(client => Rule("from", PodPeer(client.Workload.Name), [workload.Port]))
                .ToList();
            if (isExternal)
            {
                ingress.Add(Rule("from", NamespacePeer(context.Options.IngressNamespace), [workload.Port]));
            }

            var egress = reaches.Select(server => Rule("to", PodPeer(server.Name), [server.Port])).ToList();
            if (workload.Kind == WorkloadKind.Project)
            {
                egress.Add(Collector(context.Options.OtlpEndpoint));
            }

            if (ingress.Count > 0 || egress.Count > 0)
            {
                yield return Policy(
                    $"allow-{workload.Name}", context.Labels(workload.Name), PublishContext.Selector(workload.Name), ingress, egress);
            }
        }
    }

    private static KubernetesObject Policy(
        string name, YamlMap labels, YamlMap podSelector, List<YamlMap> ingress, List<YamlMap> egress, bool denyAll = false)
    {
        var policyTypes = new List<string>();
        if (denyAll || ingress.Count > 0)
        {
            policyTypes.Add("Ingress");
        }

        if (denyAll || egress.Count > 0)
        {
            policyTypes.Add("Egress");
        }

        return KubernetesObject.Create("networking.k8s.io/v1", "NetworkPolicy", name, labels, "spec", new YamlMap
        {
            ["podSelector"] = podSelector,
            ["policyTypes"] = policyTypes,
            ["ingress"] = ingress.Count == 0 ? null : ingress,
            ["egress"] = egress.Count == 0 ? null : egress,
        });
    }

    private static YamlMap Rule(string direction, YamlMap peer, IEnumerable<int> ports) => new()
    {
        [direction] = new[] { peer },
        ["ports"] = ports.Select(port => Port("TCP", port)).ToList(),
    };

    private static YamlMap Port(string protocol, int port) => new() { ["protocol"] = protocol, ["port"] = port };

    private static YamlMap PodPeer(string workload) => new() { ["podSelector"] = PublishContext.Selector(workload) };

    private static YamlMap NamespacePeer(string name) =>
        new() { ["namespaceSelector"] = new YamlMap { ["matchLabels"] = new YamlMap { [NamespaceNameLabel] = name } } };

    private static YamlMap Dns()
    {
        var peer = NamespacePeer("kube-system");
        peer["podSelector"] = new YamlMap { ["matchLabels"] = new YamlMap { ["k8s-app"] = "kube-dns" } };
        return new YamlMap { ["to"] = new[] { peer }, ["ports"] = new[] { Port("UDP", 53), Port("TCP", 53) } };
    }

    /// <summary>
    /// The collector's pods: for <c>name.namespace[.svc…]</c> any pod of that namespace, for a bare
    /// <c>name</c> the pods of this namespace labelled with that name, for an IP address that address.
    /// </summary>
    private static YamlMap Collector(Uri endpoint)
    {
        var labels = endpoint.Host.Split('.');
        var peer = endpoint.HostNameType switch
        {
            UriHostNameType.IPv4 => new YamlMap { ["ipBlock"] = new YamlMap { ["cidr"] = $"{endpoint.DnsSafeHost}/32" } },
            UriHostNameType.IPv6 => new YamlMap { ["ipBlock"] = new YamlMap { ["cidr"] = $"{endpoint.DnsSafeHost}/128" } },
            _ when labels.Length > 1 => NamespacePeer(labels[1]),
            _ => PodPeer(labels[0]),
        };
        return Rule("to", peer, [endpoint.Port]);
    }
}

using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;

namespace Airline.Hosting.Kubernetes.Manifests;

internal static class StatefulSetManifest
{
    public const string StorageSize = "1Gi";

    /// <summary>
    /// One pod with stable storage: each of <paramref name="persistentVolumes"/> becomes a PersistentVolumeClaim
    /// of the pod, each of <paramref name="ephemeralVolumes"/> an emptyDir that lives as long as the pod.
    /// </summary>
    public static KubernetesObject Create(
        string name,
        YamlMap container,
        IReadOnlyList<string> persistentVolumes,
        IReadOnlyList<YamlMap> ephemeralVolumes,
        int? user,
        PublishContext context) =>
        KubernetesObject.Create("apps/v1", "StatefulSet", name, context.Labels(name), "spec", new YamlMap
        {
            ["serviceName"] = name,
            ["replicas"] = 1,
            ["selector"] = PublishContext.Selector(name),
            ["template"] = new YamlMap
            {
                ["metadata"] = new YamlMap { ["labels"] = context.Labels(name) },
                ["spec"] = PodSpecs.Pod([container], ephemeralVolumes, user),
            },
            ["volumeClaimTemplates"] = persistentVolumes.Count == 0
                ? null
                : persistentVolumes.Select(volume => PodSpecs.VolumeClaim(volume, StorageSize)).ToList(),
        });
}

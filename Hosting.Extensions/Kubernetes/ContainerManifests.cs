using System.Text.RegularExpressions;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Publishing.Yaml;

namespace Airline.Hosting.Publishing.Kubernetes;

/// <summary>
/// A container: a Deployment of its image (a StatefulSet with a PersistentVolumeClaim per named volume when
/// it has volumes), a ConfigMap of its settings, and a Service of its ports. It runs as the image's own user,
/// which must not be root.
/// </summary>
internal static partial class ContainerManifests
{
    public static IEnumerable<KubernetesObject> For(ContainerResource resource, PublishContext context)
    {
        var ports = resource.Ports.Select(port => new NamedPort(PortName(resource, port.Name), port.TargetPort)).ToList();
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var variables = new EnvironmentVariables();
        ReferenceEnvironment.AddAll(resource, context, settings, variables);

        var container = new YamlMap
        {
            ["name"] = resource.Name,
            ["image"] = resource.ImageReference,
            ["args"] = resource.Arguments.Count == 0 ? null : resource.Arguments,
            ["ports"] = ports.Count == 0 ? null : ports.Select(port => PodSpecs.Port(port.Name, port.Port)).ToList(),
            ["envFrom"] = settings.Count == 0 ? null : new[] { ConfigMapManifest.EnvFrom(resource.Name) },
            ["env"] = variables.IsEmpty ? null : variables.Yaml,
            ["livenessProbe"] = ports.Count == 0 ? null : PodSpecs.TcpProbe(ports[0].Name, periodSeconds: 10, failureThreshold: 3),
            ["readinessProbe"] = ports.Count == 0 ? null : PodSpecs.TcpProbe(ports[0].Name, periodSeconds: 5, failureThreshold: 3),
            ["resources"] = PodSpecs.Resources("100m", "128Mi", "1", "512Mi"),
            ["securityContext"] = PodSpecs.ContainerSecurity(),
            ["volumeMounts"] = resource.Volumes
                .Select(volume => PodSpecs.Mount(VolumeName(resource, volume.Name), volume.Target))
                .Prepend(PodSpecs.TmpMount())
                .ToList(),
        };

        if (settings.Count > 0)
        {
            yield return ConfigMapManifest.Create(resource.Name, settings, context);
        }

        yield return resource.Volumes.Count == 0
            ? Deployment(resource.Name, container, context)
            : StatefulSetManifest.Create(
                resource.Name, container, resource.Volumes.Select(volume => VolumeName(resource, volume.Name)).ToList(), [], user: null, context);

        if (ports.Count > 0)
        {
            yield return ServiceManifest.Create(resource.Name, ports, headless: resource.Volumes.Count > 0, context);
        }
    }

    private static KubernetesObject Deployment(string name, YamlMap container, PublishContext context) =>
        KubernetesObject.Create("apps/v1", "Deployment", name, context.Labels(name), "spec", new YamlMap
        {
            ["replicas"] = 1,
            ["selector"] = PublishContext.Selector(name),
            ["template"] = new YamlMap
            {
                ["metadata"] = new YamlMap { ["labels"] = context.Labels(name) },
                ["spec"] = PodSpecs.Pod([container], [], user: null),
            },
        });

    private static string PortName(ContainerResource resource, string name) =>
        PortNamePattern().IsMatch(name) && name.Any(char.IsAsciiLetter)
            ? name
            : throw new DistributedApplicationException(
                $"'{resource.Name}' has an endpoint named '{name}': Kubernetes needs a port name of at most 15 lower-case letters, digits and dashes.");

    private static string VolumeName(ContainerResource resource, string name) =>
        VolumeNamePattern().IsMatch(name) && name != PodSpecs.TmpVolume
            ? name
            : throw new DistributedApplicationException(
                $"'{resource.Name}' has a volume named '{name}': Kubernetes needs a DNS label other than '{PodSpecs.TmpVolume}'.");

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$")]
    private static partial Regex PortNamePattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex VolumeNamePattern();
}

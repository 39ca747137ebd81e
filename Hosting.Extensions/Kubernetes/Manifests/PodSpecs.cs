using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;

namespace Airline.Hosting.Kubernetes.Manifests;

/// <summary>The pieces every pod of the output shares: hardening, resources, probes, a writable /tmp.</summary>
internal static class PodSpecs
{
    public const string TmpVolume = "tmp";

    /// <summary>
    /// A pod that meets the "restricted" Pod Security Standard. <paramref name="user"/> null keeps the image's
    /// own (non-root) user.
    /// </summary>
    public static YamlMap Pod(IReadOnlyList<YamlMap> containers, IEnumerable<YamlMap> volumes, int? user) => new()
    {
        ["automountServiceAccountToken"] = false,
        ["enableServiceLinks"] = false,
        ["securityContext"] = new YamlMap
        {
            ["runAsNonRoot"] = true,
            ["runAsUser"] = user,
            ["runAsGroup"] = user,
            ["fsGroup"] = user,
            ["seccompProfile"] = new YamlMap { ["type"] = "RuntimeDefault" },
        },
        ["containers"] = containers,
        ["volumes"] = volumes.Prepend(EmptyDir(TmpVolume)).ToList(),
    };

    public static YamlMap ContainerSecurity() => new()
    {
        ["allowPrivilegeEscalation"] = false,
        ["readOnlyRootFilesystem"] = true,
        ["capabilities"] = new YamlMap { ["drop"] = new[] { "ALL" } },
    };

    public static YamlMap Resources(string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit) => new()
    {
        ["requests"] = new YamlMap { ["cpu"] = cpuRequest, ["memory"] = memoryRequest },
        ["limits"] = new YamlMap { ["cpu"] = cpuLimit, ["memory"] = memoryLimit },
    };

    public static YamlMap Mount(string volume, string path) => new() { ["name"] = volume, ["mountPath"] = path };

    public static YamlMap TmpMount() => Mount(TmpVolume, "/tmp");

    public static YamlMap EmptyDir(string name) => new() { ["name"] = name, ["emptyDir"] = new YamlMap() };

    public static YamlMap Port(string name, int port) => new() { ["name"] = name, ["containerPort"] = port, ["protocol"] = "TCP" };

    public static YamlMap HttpProbe(string path, string port, int periodSeconds, int failureThreshold) =>
        Probe(new YamlMap { ["httpGet"] = new YamlMap { ["path"] = path, ["port"] = port } }, periodSeconds, failureThreshold);

    public static YamlMap TcpProbe(string port, int periodSeconds, int failureThreshold) =>
        Probe(new YamlMap { ["tcpSocket"] = new YamlMap { ["port"] = port } }, periodSeconds, failureThreshold);

    public static YamlMap ExecProbe(IReadOnlyList<string> command, int periodSeconds, int failureThreshold) =>
        Probe(new YamlMap { ["exec"] = new YamlMap { ["command"] = command } }, periodSeconds, failureThreshold);

    private static YamlMap Probe(YamlMap handler, int periodSeconds, int failureThreshold)
    {
        handler["periodSeconds"] = periodSeconds;
        handler["timeoutSeconds"] = 3;
        handler["failureThreshold"] = failureThreshold;
        return handler;
    }

    /// <summary>A PersistentVolumeClaim template of a StatefulSet.</summary>
    public static YamlMap VolumeClaim(string name, string size) => new()
    {
        ["metadata"] = new YamlMap { ["name"] = name },
        ["spec"] = new YamlMap
        {
            ["accessModes"] = new[] { "ReadWriteOnce" },
            ["resources"] = new YamlMap { ["requests"] = new YamlMap { ["storage"] = size } },
        },
    };
}

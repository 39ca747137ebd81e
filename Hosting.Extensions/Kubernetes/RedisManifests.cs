using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Publishing.Yaml;

namespace Airline.Hosting.Publishing.Kubernetes;

/// <summary>
/// A Redis server: a StatefulSet of the redis image with append-only persistence on a PersistentVolumeClaim
/// (with <c>WithDataVolume</c>, else an emptyDir), its password from the Secret, and a headless Service.
/// </summary>
internal static class RedisManifests
{
    private const string PortName = "redis";
    private const string DataVolume = "data";

    /// <summary>The <c>redis</c> user of the redis image.</summary>
    private const int RedisUser = 999;

    public static IEnumerable<KubernetesObject> For(RedisResource redis, PublishContext context)
    {
        var password = EnvironmentVariables.NameOf(redis.Password.Name);
        var variables = new EnvironmentVariables();
        variables.AddFromSecret(password, context.Password(redis.Password));

        var container = new YamlMap
        {
            ["name"] = redis.Name,
            ["image"] = context.Options.RedisImage,
            ["args"] = new[] { "redis-server", "--appendonly", "yes", "--appendfsync", "always", "--requirepass", $"$({password})" },
            ["ports"] = new[] { PodSpecs.Port(PortName, RedisResource.DefaultPort) },
            ["env"] = variables.Yaml,
            ["startupProbe"] = PodSpecs.TcpProbe(PortName, periodSeconds: 2, failureThreshold: 30),
            ["livenessProbe"] = PodSpecs.TcpProbe(PortName, periodSeconds: 10, failureThreshold: 3),
            ["readinessProbe"] = PodSpecs.ExecProbe(
                ["sh", "-c", $"redis-cli --no-auth-warning -a \"${password}\" ping | grep -q PONG"], periodSeconds: 5, failureThreshold: 3),
            ["resources"] = PodSpecs.Resources("100m", "128Mi", "500m", "512Mi"),
            ["securityContext"] = PodSpecs.ContainerSecurity(),
            ["volumeMounts"] = new[] { PodSpecs.Mount(DataVolume, "/data"), PodSpecs.TmpMount() },
        };

        yield return StatefulSetManifest.Create(
            redis.Name, container, redis.PersistentData ? [DataVolume] : [], redis.PersistentData ? [] : [PodSpecs.EmptyDir(DataVolume)], RedisUser, context);
        yield return ServiceManifest.Create(redis.Name, [new(PortName, RedisResource.DefaultPort)], headless: true, context);
    }
}

using Airline.Hosting.Kubernetes.Model;
using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;
using Airline.Hosting.LocalServers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Kubernetes.Manifests;

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

    public static IEnumerable<KubernetesObject> For(IResource redis, PublishContext context)
    {
        var passwordParameter = Password(redis);
        var password = ClusterValues.VariableOf(passwordParameter);
        var keepsData = DataVolumes.KeepsData(redis);
        var variables = new EnvironmentVariables();
        variables.AddFromSecret(password, context.Secret(passwordParameter));

        var container = new YamlMap
        {
            ["name"] = redis.Name,
            ["image"] = context.Options.RedisImage,
            ["args"] = new[] { "redis-server", "--appendonly", "yes", "--appendfsync", "always", "--requirepass", $"$({password})" },
            ["ports"] = new[] { PodSpecs.Port(PortName, Workload.RedisPort) },
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
            redis.Name, container, keepsData ? [DataVolume] : [], keepsData ? [] : [PodSpecs.EmptyDir(DataVolume)], RedisUser, context);
        yield return ServiceManifest.Create(redis.Name, [new(PortName, Workload.RedisPort)], headless: true, context);
    }

    private static ParameterResource Password(IResource redis) => redis switch
    {
        LocalRedisResource local => local.Password,
        RedisResource { PasswordParameter: { } password } => password,
        _ => throw new DistributedApplicationException($"Redis '{redis.Name}' has no password: the cluster's Redis requires one."),
    };
}

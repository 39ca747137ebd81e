using System.Text;
using Airline.Hosting.Kubernetes.Model;
using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;
using Airline.Hosting.LocalServers;
using Aspire.Hosting;

namespace Airline.Hosting.Kubernetes.Manifests;

/// <summary>
/// A MySQL server: a StatefulSet of the mysql image with its data on a PersistentVolumeClaim (with
/// <c>WithDataVolume</c>, else an emptyDir), and a headless Service. The image creates the first database
/// (MYSQL_DATABASE) and runs an init script for any other.
/// </summary>
internal static class MySqlManifests
{
    private const string PortName = "mysql";
    private const string DataVolume = "data";
    private const string SocketVolume = "run";
    private const string InitScriptsVolume = "initdb";
    private const string DataMountPath = "/var/lib/mysql";

    /// <summary>The <c>mysql</c> user of the mysql image.</summary>
    private const int MySqlUser = 999;

    public static IEnumerable<KubernetesObject> For(IMySqlServerResource server, PublishContext context)
    {
        var variables = new EnvironmentVariables();
        variables.AddFromSecret("MYSQL_ROOT_PASSWORD", context.Secret(server.Password));
        if (server.Databases is [var first, ..])
        {
            variables.Add("MYSQL_DATABASE", first.DatabaseName);
        }

        List<YamlMap> mounts = [PodSpecs.Mount(DataVolume, DataMountPath), PodSpecs.TmpMount(), PodSpecs.Mount(SocketVolume, "/var/run/mysqld")];
        List<YamlMap> volumes = [PodSpecs.EmptyDir(SocketVolume)];
        var keepsData = DataVolumes.KeepsData(server);
        if (!keepsData)
        {
            volumes.Add(PodSpecs.EmptyDir(DataVolume));
        }

        if (server.Databases.Count > 1)
        {
            var initScripts = $"{server.Name}-initdb";
            yield return InitScripts(initScripts, server, context);
            mounts.Add(PodSpecs.Mount(InitScriptsVolume, "/docker-entrypoint-initdb.d"));
            volumes.Add(new YamlMap { ["name"] = InitScriptsVolume, ["configMap"] = new YamlMap { ["name"] = initScripts } });
        }

        var container = new YamlMap
        {
            ["name"] = server.Name,
            ["image"] = context.Options.MySqlImage,
            // A folder of the volume, not its root: a freshly formatted volume holds lost+found, and MySQL
            // refuses to initialise a data directory that is not empty.
            ["args"] = new[] { $"--datadir={DataMountPath}/data" },
            ["ports"] = new[] { PodSpecs.Port(PortName, Workload.MySqlPort) },
            ["env"] = variables.Yaml,
            // The first start initialises the data directory before the server listens.
            ["startupProbe"] = PodSpecs.TcpProbe(PortName, periodSeconds: 5, failureThreshold: 60),
            ["livenessProbe"] = PodSpecs.TcpProbe(PortName, periodSeconds: 10, failureThreshold: 3),
            ["readinessProbe"] = PodSpecs.ExecProbe(["mysqladmin", "ping", "-h", "127.0.0.1", "--silent"], periodSeconds: 5, failureThreshold: 3),
            ["resources"] = PodSpecs.Resources("250m", "512Mi", "1", "1Gi"),
            ["securityContext"] = PodSpecs.ContainerSecurity(),
            ["volumeMounts"] = mounts,
        };

        yield return StatefulSetManifest.Create(server.Name, container, keepsData ? [DataVolume] : [], volumes, MySqlUser, context);
        yield return ServiceManifest.Create(server.Name, [new(PortName, Workload.MySqlPort)], headless: true, context);
    }

    private static KubernetesObject InitScripts(string name, IMySqlServerResource server, PublishContext context)
    {
        var script = new StringBuilder();
        foreach (var database in server.Databases.Skip(1))
        {
            script.Append("CREATE DATABASE IF NOT EXISTS `").Append(database.DatabaseName.Replace("`", "``", StringComparison.Ordinal)).Append("`;\n");
        }

        return KubernetesObject.Create("v1", "ConfigMap", name, context.Labels(server.Name), "data", new YamlMap { ["databases.sql"] = script.ToString() });
    }
}

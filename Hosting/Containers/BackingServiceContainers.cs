using System.Globalization;
using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Containers;

/// <summary>How MySQL and Redis of the app model run as containers.</summary>
public static class BackingServiceContainers
{
    public const string MySqlImage = "docker.io/library/mysql:8.4";
    public const string RedisImage = "docker.io/library/redis:7.4";

    public static ContainerSpec MySql(MySqlServerResource resource, string password, int hostPort, string label) =>
        new(
            ContainerName(resource, label),
            MySqlImage,
            label,
            [new PublishedPort(hostPort, MySqlServerResource.DefaultPort)],
            new Dictionary<string, string> { ["MYSQL_ROOT_PASSWORD"] = password, ["MYSQL_ROOT_HOST"] = "%" },
            resource.PersistentData ? [new MountedVolume(VolumeName(resource, label), "/var/lib/mysql")] : [],
            []);

    public static ContainerSpec Redis(RedisResource resource, string password, int hostPort, string label) =>
        new(
            ContainerName(resource, label),
            RedisImage,
            label,
            [new PublishedPort(hostPort, RedisResource.DefaultPort)],
            new Dictionary<string, string>(),
            resource.PersistentData ? [new MountedVolume(VolumeName(resource, label), "/data")] : [],
            ["redis-server", "--requirepass", password, "--appendonly", "yes", "--appendfsync", "always", "--save", ""]);

    public static ContainerSpec Container(ContainerResource resource, IReadOnlyList<int> hostPorts, string label, IReadOnlyDictionary<string, string> environment) =>
        new(
            ContainerName(resource, label),
            resource.ImageReference,
            label,
            [.. resource.Ports.Select((port, index) => new PublishedPort(hostPorts[index], port.TargetPort))],
            environment,
            [.. resource.Volumes.Select(volume => new MountedVolume($"{label}-{volume.Name}", volume.Target))],
            resource.Arguments);

    private static string ContainerName(IResource resource, string label) => $"{label}-{resource.Name}";

    private static string VolumeName(IResource resource, string label) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}-{resource.Name}-data");
}

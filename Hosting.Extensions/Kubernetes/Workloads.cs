using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Publishing.Kubernetes;

/// <summary>Which pods serve a resource in the cluster, and on which ports.</summary>
internal static class Workloads
{
    /// <summary>The name of the pods that serve <paramref name="resource"/> (a database: its server's), or null outside the cluster.</summary>
    public static string? PodsOf(IResource resource) => resource switch
    {
        MySqlDatabaseResource database => database.Server.Name,
        ProjectResource or MySqlServerResource or RedisResource or ContainerResource => resource.Name,
        _ => null,
    };

    public static IReadOnlyList<int> PortsOf(IResource workload) => workload switch
    {
        ProjectResource => [ProjectManifests.HttpPort],
        MySqlServerResource => [MySqlServerResource.DefaultPort],
        RedisResource => [RedisResource.DefaultPort],
        ContainerResource container => container.Ports.Select(port => port.TargetPort).Distinct().Order().ToList(),
        _ => [],
    };
}

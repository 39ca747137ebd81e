namespace Airline.Hosting.ApplicationModel;

/// <summary>A .NET project run from its build output, one process per replica, each on its own HTTP port.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata) : Resource(name), IResourceWithServiceDiscovery
{
    public IProjectMetadata Metadata { get; } = metadata;

    public int Replicas { get; set; } = 1;

    /// <summary>Reachable from outside the system (the gateway); the others only from inside.</summary>
    public bool IsExternal { get; set; }

    /// <summary>The path prefixes the Ingress routes to an external project (<c>WithExternalHttpEndpoints(paths)</c>).</summary>
    public IReadOnlyList<string> ExternalPaths { get; set; } = ["/"];

    /// <summary>A fixed port for a single replica (<c>WithHttpEndpoint(port)</c>); otherwise a free port.</summary>
    public int? HttpPort { get; set; }

    /// <summary>Environment variables whose value is a project's URL (<c>WithEnvironment(name, endpoint)</c>).</summary>
    public Dictionary<string, EndpointReference> EndpointEnvironment { get; } = [];

    /// <summary>The path polled for readiness; 200 means healthy.</summary>
    public string HealthCheckPath { get; set; } = "/health";
}

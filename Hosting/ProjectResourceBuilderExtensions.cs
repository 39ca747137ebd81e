using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>A project the AppHost references, run from its build output.</summary>
    /// <typeparam name="TProject">The generated <c>Projects.*</c> class of the project reference.</typeparam>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddResource(new ProjectResource(name, new TProject()));

    /// <summary>Runs <paramref name="replicas"/> processes of the project, each its own endpoint.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        if (replicas > 1 && builder.Resource.HttpPort is not null)
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' has a fixed port; replicas need a port each.");
        }

        builder.Resource.Replicas = replicas;
        return builder;
    }

    /// <summary>Serves HTTP on <paramref name="port"/> (a single replica only) instead of a free port.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null)
    {
        if (port is not null && builder.Resource.Replicas > 1)
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' has {builder.Resource.Replicas} replicas; they cannot share port {port}.");
        }

        builder.Resource.HttpPort = port;
        return builder;
    }

    /// <summary>
    /// Marks the project as reachable from outside the system: an Ingress when published, routing
    /// <paramref name="paths"/> (prefixes; all of them when none is given) to it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder, params string[] paths)
    {
        if (paths.FirstOrDefault(path => !path.StartsWith('/')) is { } relative)
        {
            throw new ArgumentException($"'{relative}' is not a path: external paths start with '/'.", nameof(paths));
        }

        builder.Resource.IsExternal = true;
        builder.Resource.ExternalPaths = paths.Length == 0 ? ["/"] : paths;
        return builder;
    }

    /// <summary>The project's HTTP endpoint (<paramref name="name"/> is <c>http</c>, its only one), for another resource's settings.</summary>
    public static EndpointReference GetEndpoint(this IResourceBuilder<ProjectResource> builder, string name) =>
        name == "http"
            ? new EndpointReference(builder.Resource)
            : throw new ArgumentException($"'{builder.Resource.Name}' has one endpoint, 'http'; there is no '{name}'.", nameof(name));

    /// <summary>
    /// Sets <paramref name="name"/> to the URL <paramref name="endpoint"/> names, resolved when the project starts
    /// (so two projects may know each other's URLs).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, EndpointReference endpoint)
    {
        builder.Resource.EndpointEnvironment[name] = endpoint;
        return builder;
    }

    /// <summary>The path whose 200 means the project is healthy (default <c>/health</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path = "/health")
    {
        builder.Resource.HealthCheckPath = path;
        return builder;
    }
}

using Airline.Hosting.Ingress;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Kubernetes.Model;

/// <summary>What a project's manifests say, read from its annotations and its environment in publish mode.</summary>
internal sealed record PublishedProject(ProjectResource Resource, ResourceEnvironment Environment)
{
    public string Name => Resource.Name;

    public int Replicas => Resource.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;

    public bool IsExternal => Resource.Annotations.OfType<EndpointAnnotation>().Any(endpoint => endpoint.IsExternal);

    /// <summary>The path prefixes the Ingress routes to it: those of <c>WithExternalHttpEndpoints(paths)</c>, else all of them.</summary>
    public IReadOnlyList<string> ExternalPaths =>
        Resource.TryGetLastAnnotation<IngressPathsAnnotation>(out var paths) ? paths.Paths : ["/"];
}

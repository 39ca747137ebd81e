using Airline.Hosting.Ingress;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class IngressPathsBuilderExtensions
{
    /// <summary>
    /// Marks the project's HTTP endpoints as reachable from outside the system and, when published, routes
    /// <paramref name="paths"/> (prefixes) of the Ingress to it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder, params string[] paths)
    {
        if (paths.FirstOrDefault(path => !path.StartsWith('/')) is { } relative)
        {
            throw new ArgumentException($"'{relative}' is not a path: external paths start with '/'.", nameof(paths));
        }

        return ResourceBuilderExtensions.WithExternalHttpEndpoints(builder)
            .WithAnnotation(new IngressPathsAnnotation(paths.Length == 0 ? ["/"] : paths), ResourceAnnotationMutationBehavior.Replace);
    }
}

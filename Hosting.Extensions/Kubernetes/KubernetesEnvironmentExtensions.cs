using Airline.Hosting.Kubernetes;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class KubernetesEnvironmentExtensions
{
    /// <summary>
    /// Publishes the app model to a Kubernetes namespace named <paramref name="name"/> (unless <c>Kubernetes:Namespace</c>
    /// says otherwise): <c>aspire publish -o DIR</c> writes a kustomize base to DIR. In run mode it is not part of the model.
    /// </summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> AddKubernetesEnvironment(
        this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var environment = new KubernetesEnvironmentResource(name);
        return builder.ExecutionContext.IsRunMode ? builder.CreateResourceBuilder(environment) : builder.AddResource(environment);
    }
}

using Airline.Hosting.Kubernetes.Manifests;
using Airline.Hosting.Kubernetes.Publishing;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Kubernetes.Model;

/// <summary>
/// A resource's environment as Aspire gives it in publish mode, for a pod: plain settings (its ConfigMap), variables
/// that interpolate or are secrets (its <c>env</c> list), and the workloads its settings make it connect to.
/// </summary>
internal sealed class ResourceEnvironment
{
    public SortedDictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public EnvironmentVariables Variables { get; } = new();

    public List<Workload> Reaches { get; } = [];

    /// <summary>Adds the resource's environment, but for <paramref name="ownVariables"/>, which the pod gets from the publisher.</summary>
    public async Task AddAsync(
        IResource resource, IReadOnlySet<string> ownVariables, ClusterValues values, PublishContext context,
        DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var environment = new EnvironmentCallbackContext(executionContext, resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(environment);
        }

        foreach (var (name, value) in environment.EnvironmentVariables.Where(variable => !ownVariables.Contains(variable.Key)))
        {
            if (value is ParameterResource parameter)
            {
                Variables.AddFromSecret(name, context.Secret(parameter));
                continue;
            }

            if (values.Resolve(value, inCluster: IsReferenceVariable(resource, name)) is not { } resolved)
            {
                continue;
            }

            Reaches.AddRange(resolved.Reaches.Where(workload => workload.Resource != resource && !Reaches.Contains(workload)));
            if (resolved.Parameters.Count == 0)
            {
                Settings[name] = resolved.Text;
                continue;
            }

            foreach (var secret in resolved.Parameters)
            {
                Variables.AddFromSecret(ClusterValues.VariableOf(secret), context.Secret(secret));
            }

            Variables.Add(name, resolved.Text);
        }
    }

    /// <summary>
    /// Whether <c>WithReference</c> set the variable to a service's address (<c>services__flights__http__0</c>,
    /// <c>FLIGHTS_HTTP</c>): the resource calls that service, inside the cluster.
    /// </summary>
    private static bool IsReferenceVariable(IResource resource, string name) =>
        name.StartsWith("services__", StringComparison.Ordinal)
        || resource.Annotations.OfType<EndpointReferenceAnnotation>().Any(reference =>
            name.StartsWith($"{VariablePart(reference.Resource.Name)}_", StringComparison.Ordinal));

    private static string VariablePart(string name) =>
        string.Concat(name.Select(character => char.IsAsciiLetterOrDigit(character) ? char.ToUpperInvariant(character) : '_'));
}

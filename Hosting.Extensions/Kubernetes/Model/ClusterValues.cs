using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Kubernetes.Model;

/// <summary>
/// A value of the app model as the cluster knows it: its text, the parameters it interpolates as <c>$(NAME)</c>
/// (their values come from the Secret), and the workloads it makes its resource connect to.
/// </summary>
internal sealed class ClusterValue
{
    public string Text { get; init; } = "";

    public List<ParameterResource> Parameters { get; } = [];

    public List<Workload> Reaches { get; } = [];
}

/// <summary>
/// Turns values of the app model in publish mode (strings, parameters, endpoints, connection strings and the
/// expressions made of them) into what a pod of the cluster is given. An endpoint is the Service of its workload; an
/// external endpoint handed out (not a reference's service discovery) is the public URL, where browsers reach it.
/// </summary>
internal sealed class ClusterValues(Workloads workloads, Uri publicUrl)
{
    private const string ClusterScheme = "http";

    /// <summary>The value, or null when it names an endpoint the cluster does not serve (each workload serves one port).</summary>
    public ClusterValue? Resolve(object value, bool inCluster)
    {
        var resolved = new ClusterValue();
        var text = Text(value, inCluster, resolved);
        if (text is null)
        {
            return null;
        }

        var result = new ClusterValue { Text = text };
        result.Parameters.AddRange(resolved.Parameters.Distinct());
        result.Reaches.AddRange(resolved.Reaches.Distinct());
        return result;
    }

    public static string VariableOf(ParameterResource parameter) => parameter.Name.Replace('-', '_').ToUpperInvariant();

    private string? Text(object value, bool inCluster, ClusterValue resolved) => value switch
    {
        string text => text,
        ParameterResource parameter => Parameter(parameter, resolved),
        ConnectionStringReference reference => Text(reference.Resource.ConnectionStringExpression, inCluster: true, resolved),
        IResourceWithConnectionString resource => Text(resource.ConnectionStringExpression, inCluster: true, resolved),
        EndpointReference endpoint => Endpoint(endpoint, EndpointProperty.Url, inCluster, resolved),
        EndpointReferenceExpression property => Endpoint(property.Endpoint, property.Property, inCluster, resolved),
        ReferenceExpression { IsConditional: true } conditional => Conditional(conditional, inCluster, resolved),
        ReferenceExpression expression => Expression(expression, inCluster, resolved),
        _ => throw new DistributedApplicationException(
            $"A value of type {value.GetType().Name} cannot be published to Kubernetes: use a string, a parameter, an endpoint or a connection string."),
    };

    private static string Parameter(ParameterResource parameter, ClusterValue resolved)
    {
        resolved.Parameters.Add(parameter);
        return $"$({VariableOf(parameter)})";
    }

    private string? Expression(ReferenceExpression expression, bool inCluster, ClusterValue resolved)
    {
        var parts = new object[expression.ValueProviders.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (Text(expression.ValueProviders[i], inCluster, resolved) is not { } part)
            {
                return null;
            }

            parts[i] = part;
        }

        return string.Format(CultureInfo.InvariantCulture, expression.Format, parts);
    }

    private string? Conditional(ReferenceExpression conditional, bool inCluster, ClusterValue resolved)
    {
        var condition = Text(conditional.Condition!, inCluster, new ClusterValue());
        var branch = string.Equals(condition, conditional.MatchValue, StringComparison.OrdinalIgnoreCase) ? conditional.WhenTrue! : conditional.WhenFalse!;
        return Text(branch, inCluster, resolved);
    }

    private string? Endpoint(EndpointReference endpoint, EndpointProperty property, bool inCluster, ClusterValue resolved)
    {
        var workload = workloads.Serving(endpoint.Resource)
            ?? throw new DistributedApplicationException($"'{endpoint.Resource.Name}' is not published, so its endpoint '{endpoint.EndpointName}' has no address in the cluster.");
        if (workload.Kind == WorkloadKind.Project && endpoint.EndpointAnnotation.UriScheme != ClusterScheme)
        {
            return null;
        }

        if (!inCluster && endpoint.EndpointAnnotation.IsExternal)
        {
            return Public(property);
        }

        resolved.Reaches.Add(workload);
        var port = workload.Port.ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => $"{ClusterScheme}://{workload.Name}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => workload.Name,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.HostAndPort => $"{workload.Name}:{port}",
            EndpointProperty.Scheme => workload.Kind == WorkloadKind.Project ? ClusterScheme : endpoint.EndpointAnnotation.UriScheme,
            EndpointProperty.TlsEnabled => bool.FalseString,
            _ => throw new DistributedApplicationException($"The endpoint property {property} cannot be published to Kubernetes."),
        };
    }

    private string Public(EndpointProperty property) => property switch
    {
        EndpointProperty.Url => publicUrl.GetLeftPart(UriPartial.Authority),
        EndpointProperty.Host or EndpointProperty.IPV4Host => publicUrl.Host,
        EndpointProperty.Port or EndpointProperty.TargetPort => publicUrl.Port.ToString(CultureInfo.InvariantCulture),
        EndpointProperty.HostAndPort => publicUrl.Authority,
        EndpointProperty.Scheme => publicUrl.Scheme,
        EndpointProperty.TlsEnabled => (publicUrl.Scheme == Uri.UriSchemeHttps).ToString(),
        _ => throw new DistributedApplicationException($"The endpoint property {property} cannot be published to Kubernetes."),
    };
}

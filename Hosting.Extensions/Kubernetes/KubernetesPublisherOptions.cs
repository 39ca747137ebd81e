using System.Text.RegularExpressions;

namespace Airline.Hosting.Publishing.Kubernetes;

/// <summary>What the Kubernetes publisher is told on the command line (<c>--name value</c>), with its defaults.</summary>
internal sealed partial record KubernetesPublisherOptions
{
    public required string Namespace { get; init; }

    /// <summary>Project images are <c>{Registry}/{resource name}:{Tag}</c>.</summary>
    public string Registry { get; init; } = "localhost:5000";

    public string Tag { get; init; } = "latest";

    public string IngressClass { get; init; } = "nginx";

    /// <summary>
    /// Where the Ingress is reached from outside (its host is the Ingress rules' host): the address browsers are sent
    /// to and the identity service's issuer. <c>*.localhost</c> reaches a cluster's ingress on this machine.
    /// </summary>
    public Uri PublicUrl { get; init; } = new("http://airline.localhost");

    /// <summary>The namespace of the ingress controller, the only one whose pods may reach the external projects.</summary>
    public string IngressNamespace { get; init; } = "ingress-nginx";

    /// <summary>An OpenTelemetry collector in the cluster (OTLP over gRPC).</summary>
    public Uri OtlpEndpoint { get; init; } = new("http://otel-collector.observability.svc.cluster.local:4317");

    /// <summary>ASPNETCORE_ENVIRONMENT and DOTNET_ENVIRONMENT of the projects.</summary>
    public string Environment { get; init; } = "Production";

    public string MySqlImage { get; init; } = "mysql:8.4";

    public string RedisImage { get; init; } = "redis:7.4";

    public static KubernetesPublisherOptions Parse(IReadOnlyDictionary<string, string> options, string applicationName)
    {
        var parsed = new KubernetesPublisherOptions { Namespace = DnsLabel(applicationName) };
        foreach (var (name, value) in options)
        {
            parsed = name switch
            {
                "namespace" => parsed with { Namespace = Validated(name, value, DnsLabelPattern()) },
                "registry" => parsed with { Registry = value.TrimEnd('/') },
                "tag" => parsed with { Tag = Validated(name, value, TagPattern()) },
                "ingress-class" => parsed with { IngressClass = Validated(name, value, DnsLabelPattern()) },
                "public-url" => parsed with { PublicUrl = HttpUri(name, value) },
                "ingress-namespace" => parsed with { IngressNamespace = Validated(name, value, DnsLabelPattern()) },
                "otlp-endpoint" => parsed with { OtlpEndpoint = HttpUri(name, value) },
                "environment" => parsed with { Environment = value },
                "mysql-image" => parsed with { MySqlImage = value },
                "redis-image" => parsed with { RedisImage = value },
                _ => throw new DistributedApplicationException(
                    $"Unknown option '--{name}' for the kubernetes publisher; it takes --namespace, --registry, --tag, " +
                    "--ingress-class, --public-url, --ingress-namespace, --otlp-endpoint, --environment, --mysql-image and --redis-image."),
            };
        }

        return parsed;
    }

    private static string Validated(string name, string value, Regex pattern) =>
        pattern.IsMatch(value) ? value : throw new DistributedApplicationException($"'{value}' is not a valid --{name}.");

    private static Uri HttpUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new DistributedApplicationException($"--{name} must be an absolute http(s) URL, not '{value}'.");

    private static string DnsLabel(string name)
    {
        var label = NotDnsLabel().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return label.Length > 0 ? label[..Math.Min(label.Length, 63)] : "default";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotDnsLabel();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();
}

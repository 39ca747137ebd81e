using System.Text.RegularExpressions;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Kubernetes;

/// <summary>What the Kubernetes publisher is configured with (section <c>Kubernetes</c>), with its defaults.</summary>
internal sealed partial record KubernetesPublisherOptions
{
    /// <summary>By default the name of the compute environment.</summary>
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

    /// <summary>The options set in <paramref name="section"/> (<c>Kubernetes:Namespace</c>, <c>Kubernetes:Registry</c>, …), the defaults for the rest.</summary>
    public static KubernetesPublisherOptions From(IConfigurationSection section, string environmentName)
    {
        var parsed = new KubernetesPublisherOptions { Namespace = environmentName };
        foreach (var (name, value) in section.GetChildren().Select(setting => (setting.Key, setting.Value ?? "")))
        {
            parsed = name.ToUpperInvariant() switch
            {
                "NAMESPACE" => parsed with { Namespace = Validated(name, value, DnsLabelPattern()) },
                "REGISTRY" => parsed with { Registry = value.TrimEnd('/') },
                "TAG" => parsed with { Tag = Validated(name, value, TagPattern()) },
                "INGRESSCLASS" => parsed with { IngressClass = Validated(name, value, DnsLabelPattern()) },
                "PUBLICURL" => parsed with { PublicUrl = HttpUri(name, value) },
                "INGRESSNAMESPACE" => parsed with { IngressNamespace = Validated(name, value, DnsLabelPattern()) },
                "OTLPENDPOINT" => parsed with { OtlpEndpoint = HttpUri(name, value) },
                "ENVIRONMENT" => parsed with { Environment = value },
                "MYSQLIMAGE" => parsed with { MySqlImage = value },
                "REDISIMAGE" => parsed with { RedisImage = value },
                _ => throw new DistributedApplicationException(
                    $"Unknown setting '{section.Path}:{name}' of the Kubernetes publisher; it takes Namespace, Registry, Tag, " +
                    "IngressClass, PublicUrl, IngressNamespace, OtlpEndpoint, Environment, MySqlImage and RedisImage."),
            };
        }

        return parsed;
    }

    private static string Validated(string name, string value, Regex pattern) =>
        pattern.IsMatch(value) ? value : throw new DistributedApplicationException($"'{value}' is not a valid Kubernetes:{name}.");

    private static Uri HttpUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new DistributedApplicationException($"Kubernetes:{name} must be an absolute http(s) URL, not '{value}'.");

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();
}

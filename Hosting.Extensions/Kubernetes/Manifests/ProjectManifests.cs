using System.Globalization;
using Airline.Hosting.Kubernetes.Model;
using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;
using Aspire.Hosting;

namespace Airline.Hosting.Kubernetes.Manifests;

/// <summary>
/// A project: a ConfigMap of its plain settings, a Deployment of its container image, a ClusterIP Service,
/// a HorizontalPodAutoscaler and a PodDisruptionBudget; an Ingress when it is external.
/// </summary>
internal static class ProjectManifests
{
    public const string PortName = "http";
    /// <summary>Where ServiceDefaults' <c>MapDefaultEndpoints</c> answers liveness (the process works) and readiness (its dependencies answer).</summary>
    public const string AlivePath = "/alive";
    public const string HealthPath = "/health";

    /// <summary>The <c>app</c> user of the .NET container images.</summary>
    public const int AppUser = 1654;

    /// <summary>
    /// How long a replica may take to answer <c>/alive</c> the first time: Flights.Api, for one, migrates
    /// before it listens and may wait up to 30 s for MySQL plus 120 s for another replica's migration lock.
    /// </summary>
    private const int StartupPeriodSeconds = 5;
    private const int StartupFailureThreshold = 40;

    private const int CpuTargetPercent = 70;
    private const int MaxReplicasPerConfiguredReplica = 3;

    /// <summary>The variables every project gets from the publisher, whatever the app model sets them to.</summary>
    public static readonly IReadOnlySet<string> OwnVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "ASPNETCORE_URLS", "HTTP_PORTS", "HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "POD_NAME",
        "OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_RESOURCE_ATTRIBUTES",
    };

    public static IEnumerable<KubernetesObject> For(PublishedProject project, PublishContext context)
    {
        var (settings, variables) = Settings(project, context);
        yield return ConfigMapManifest.Create(project.Name, settings, context);
        yield return Deployment(project, variables, context);
        yield return ServiceManifest.Create(project.Name, [new(PortName, Workload.ProjectPort)], headless: false, context);
        yield return Autoscaler(project, context);
        yield return DisruptionBudget(project, context);
        if (project.IsExternal)
        {
            yield return Ingress(project, context);
        }
    }

    private static (SortedDictionary<string, string> Settings, EnvironmentVariables Variables) Settings(PublishedProject project, PublishContext context)
    {
        var otlp = context.Options.OtlpEndpoint;
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://+:{Workload.ProjectPort.ToString(CultureInfo.InvariantCulture)}",
            ["ASPNETCORE_ENVIRONMENT"] = context.Options.Environment,
            ["DOTNET_ENVIRONMENT"] = context.Options.Environment,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.GetLeftPart(UriPartial.Authority),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = otlp.Port == 4318 ? "http/protobuf" : "grpc",
        };

        var variables = new EnvironmentVariables();
        variables.AddFromPodField("POD_NAME", "metadata.name");
        variables.Add("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=$(POD_NAME)");
        foreach (var (name, value) in project.Environment.Settings)
        {
            settings[name] = value;
        }

        variables.AddAll(project.Environment.Variables);
        return (settings, variables);
    }

    private static KubernetesObject Deployment(PublishedProject project, EnvironmentVariables variables, PublishContext context)
    {
        var container = new YamlMap
        {
            ["name"] = project.Name,
            ["image"] = $"{context.Options.Registry}/{project.Name}:{context.Options.Tag}",
            ["ports"] = new[] { PodSpecs.Port(PortName, Workload.ProjectPort) },
            ["envFrom"] = new[] { ConfigMapManifest.EnvFrom(project.Name) },
            ["env"] = variables.Yaml,
            ["startupProbe"] = PodSpecs.HttpProbe(AlivePath, PortName, StartupPeriodSeconds, StartupFailureThreshold),
            ["livenessProbe"] = PodSpecs.HttpProbe(AlivePath, PortName, periodSeconds: 10, failureThreshold: 3),
            ["readinessProbe"] = PodSpecs.HttpProbe(HealthPath, PortName, periodSeconds: 5, failureThreshold: 3),
            ["resources"] = PodSpecs.Resources("100m", "128Mi", "1", "512Mi"),
            ["securityContext"] = PodSpecs.ContainerSecurity(),
            ["volumeMounts"] = new[] { PodSpecs.TmpMount() },
        };

        var spec = new YamlMap
        {
            ["replicas"] = project.Replicas,
            ["selector"] = PublishContext.Selector(project.Name),
            ["strategy"] = new YamlMap
            {
                ["type"] = "RollingUpdate",
                ["rollingUpdate"] = new YamlMap { ["maxSurge"] = 1, ["maxUnavailable"] = 0 },
            },
            ["template"] = new YamlMap
            {
                ["metadata"] = new YamlMap { ["labels"] = context.Labels(project.Name) },
                ["spec"] = PodSpecs.Pod([container], [], AppUser),
            },
        };
        return KubernetesObject.Create("apps/v1", "Deployment", project.Name, context.Labels(project.Name), "spec", spec);
    }

    private static KubernetesObject Autoscaler(PublishedProject project, PublishContext context) =>
        KubernetesObject.Create("autoscaling/v2", "HorizontalPodAutoscaler", project.Name, context.Labels(project.Name), "spec", new YamlMap
        {
            ["scaleTargetRef"] = new YamlMap { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = project.Name },
            ["minReplicas"] = project.Replicas,
            ["maxReplicas"] = project.Replicas * MaxReplicasPerConfiguredReplica,
            ["metrics"] = new[]
            {
                new YamlMap
                {
                    ["type"] = "Resource",
                    ["resource"] = new YamlMap
                    {
                        ["name"] = "cpu",
                        ["target"] = new YamlMap { ["type"] = "Utilization", ["averageUtilization"] = CpuTargetPercent },
                    },
                },
            },
        });

    private static KubernetesObject DisruptionBudget(PublishedProject project, PublishContext context) =>
        KubernetesObject.Create("policy/v1", "PodDisruptionBudget", project.Name, context.Labels(project.Name), "spec", new YamlMap
        {
            ["maxUnavailable"] = 1,
            ["selector"] = PublishContext.Selector(project.Name),
        });

    private static KubernetesObject Ingress(PublishedProject project, PublishContext context) =>
        KubernetesObject.Create("networking.k8s.io/v1", "Ingress", project.Name, context.Labels(project.Name), "spec", new YamlMap
        {
            ["ingressClassName"] = context.Options.IngressClass,
            ["rules"] = new[]
            {
                new YamlMap
                {
                    ["host"] = context.Options.PublicUrl.Host,
                    ["http"] = new YamlMap
                    {
                        ["paths"] = project.ExternalPaths.Select(path => new YamlMap
                        {
                            ["path"] = path,
                            ["pathType"] = "Prefix",
                            ["backend"] = new YamlMap
                            {
                                ["service"] = new YamlMap
                                {
                                    ["name"] = project.Name,
                                    ["port"] = new YamlMap { ["name"] = PortName },
                                },
                            },
                        }).ToList(),
                    },
                },
            },
        });
}

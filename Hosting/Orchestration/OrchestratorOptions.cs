using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Orchestration;

internal sealed class OrchestratorOptions
{
    /// <summary>Where servers keep their data and the AppHost its process ledger.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Generated secrets are kept here; null keeps them in memory only.</summary>
    public string? SecretsFile { get; init; }

    /// <summary>The environment name given to every project.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>OpenTelemetry settings (<c>OTEL_EXPORTER_OTLP_*</c>) given to every project.</summary>
    public IReadOnlyDictionary<string, string> Telemetry { get; init; } = new Dictionary<string, string>();

    /// <summary>Where MySQL and Redis run: <c>auto</c> (containers if a runtime answers), <c>local</c> or <c>container</c>.</summary>
    public string Runtime { get; init; } = "auto";

    /// <summary>A container runtime to use instead of detecting docker or podman (tests).</summary>
    public Containers.IContainerRuntime? ContainerRuntime { get; init; }

    public TextWriter Console { get; init; } = System.Console.Out;

    /// <summary>How often the health of every running resource is checked again.</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The restart policy of MySQL, Redis, containers and projects that are not given one with <c>WithRestartPolicy</c>.</summary>
    public RestartPolicy DefaultRestartPolicy { get; init; } = RestartPolicy.OnFailure();

    /// <summary>The policy a resource's processes follow when they exit on their own.</summary>
    public RestartPolicy RestartPolicyOf(IResource resource) => resource switch
    {
        Resource { RestartPolicy: { } chosen } => chosen,
        ExecutableResource => RestartPolicy.Never,
        _ => DefaultRestartPolicy,
    };

    /// <summary>Delete the state folder when the application is disposed (test runs).</summary>
    public bool DeleteStateOnDispose { get; init; }
}

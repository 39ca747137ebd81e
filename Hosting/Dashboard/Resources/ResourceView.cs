using Airline.Hosting.Orchestration;

namespace Airline.Hosting.Dashboard.Resources;

/// <summary>A resource as the resources page shows it: its state now and what it was given (secrets masked).</summary>
/// <param name="AcceptsCommands">It can be stopped, started and restarted on its own.</param>
/// <param name="RestartPolicy">What happens when its processes exit on their own; null for a resource that runs none of its own.</param>
internal sealed record ResourceView(
    string Name,
    string Kind,
    ResourceState State,
    bool Healthy,
    DateTimeOffset? StartedAt,
    int? ExitCode,
    int Restarts,
    string? Error,
    IReadOnlyList<ReplicaSnapshot> Replicas,
    IReadOnlyList<Uri> Endpoints,
    string? ConnectionString,
    IReadOnlyList<EnvironmentVariable> Environment,
    IReadOnlyList<string> References,
    IReadOnlyList<string> WaitsFor,
    string? Parent,
    bool AcceptsCommands,
    int? ProcessId,
    string? RestartPolicy);

internal sealed record EnvironmentVariable(string Name, string? Value);

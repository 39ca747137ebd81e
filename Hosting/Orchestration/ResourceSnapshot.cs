namespace Airline.Hosting.Orchestration;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Exited,
    FailedToStart,
    Finished,
}

/// <summary>What a resource is doing now, as the console, the dashboard and tests see it.</summary>
/// <param name="Kind">Project, MySQL, Database, Redis …</param>
/// <param name="Healthy">Its health check passes (only meaningful while <see cref="ResourceState.Running"/>).</param>
/// <param name="Replicas">Per replica of a project: process id, URL, whether it still runs and answers its health check.</param>
/// <param name="Restarts">How often it was started again: by its restart policy, or with a Start or Restart command.</param>
/// <param name="ProcessId">The process of a server or executable run as a local process, while it runs.</param>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    bool Healthy = false,
    DateTimeOffset? StartedAt = null,
    int? ExitCode = null,
    string? Error = null,
    IReadOnlyList<ReplicaSnapshot>? Replicas = null,
    int Restarts = 0,
    int? ProcessId = null)
{
    public bool IsTerminal => State is ResourceState.Exited or ResourceState.FailedToStart or ResourceState.Finished;
}

public sealed record ReplicaSnapshot(int Index, int? ProcessId, Uri Url, bool Running, int? ExitCode = null, bool Healthy = false);

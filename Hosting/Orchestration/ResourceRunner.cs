using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Orchestration;

/// <summary>Starts and stops one resource of the model (and the resources that live inside it).</summary>
internal abstract class ResourceRunner
{
    public abstract IResource Resource { get; }

    public abstract string Kind { get; }

    /// <summary>Starts the resource; returns once it answers its health check, throws if it cannot.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync();

    /// <summary>The exit code of the process (or container) it runs, once that ends; null when it watches its processes itself.</summary>
    public virtual Task<int>? Exited => null;

    /// <summary>The local process it runs now, if it runs one (a project's replicas have theirs).</summary>
    public virtual int? ProcessId => null;

    /// <summary>The last lines the resource wrote, for reporting why it failed.</summary>
    public virtual string? RecentOutput => null;

    /// <summary>Whether <see cref="CheckHealthAsync"/> tells anything; otherwise a running resource counts as healthy.</summary>
    public virtual bool HasHealthCheck => false;

    /// <summary>Asks the running resource whether it still answers (health monitoring while it runs).</summary>
    public virtual Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>The environment the resource is given (a project's first replica's), as the dashboard shows it.</summary>
    public virtual IReadOnlyDictionary<string, string?> EnvironmentVariables => new Dictionary<string, string?>();
}

/// <summary>A runner of a server others reach through connection strings.</summary>
internal interface IConnectionStringSource
{
    string GetConnectionString(IResource resource);
}

using Airline.Hosting.LocalServers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Kubernetes.Model;

internal enum WorkloadKind
{
    Project,
    MySql,
    Redis,
}

/// <summary>A resource that runs as pods of its own, reached at the Service of its name on one port.</summary>
internal sealed record Workload(IResource Resource, WorkloadKind Kind)
{
    public const int ProjectPort = 8080;
    public const int MySqlPort = 3306;
    public const int RedisPort = 6379;

    public string Name => Resource.Name;

    public int Port => Kind switch
    {
        WorkloadKind.Project => ProjectPort,
        WorkloadKind.MySql => MySqlPort,
        _ => RedisPort,
    };
}

/// <summary>The workloads of an app model, in its order, and which of them serves a resource in the cluster.</summary>
internal sealed class Workloads
{
    private readonly Dictionary<IResource, Workload> _byResource;

    private Workloads(List<Workload> all)
    {
        All = all;
        _byResource = all.ToDictionary(workload => workload.Resource);
    }

    public IReadOnlyList<Workload> All { get; }

    public static Workloads Of(DistributedApplicationModel model) => new([.. model.Resources.Select(Classify).OfType<Workload>()]);

    /// <summary>The workload whose pods serve <paramref name="resource"/> (a database: its server's), or null.</summary>
    public Workload? Serving(IResource resource) =>
        _byResource.GetValueOrDefault(resource is MySqlDatabaseResource database ? database.Parent : resource);

    private static Workload? Classify(IResource resource) => resource switch
    {
        ProjectResource => new Workload(resource, WorkloadKind.Project),
        IMySqlServerResource => new Workload(resource, WorkloadKind.MySql),
        LocalRedisResource or RedisResource => new Workload(resource, WorkloadKind.Redis),
        // These take part through the resources that reference them or own them.
        MySqlDatabaseResource or ParameterResource or IComputeEnvironmentResource => null,
        ExecutableResource => throw new DistributedApplicationException(
            $"'{resource.Name}' is an executable, a process of this machine, which cannot be published to Kubernetes: " +
            "make it a project, or add it only in run mode (builder.ExecutionContext.IsRunMode)."),
        _ => throw new DistributedApplicationException(
            $"'{resource.Name}' is a {resource.GetType().Name}, which the Kubernetes publisher does not know."),
    };
}

using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Orchestration;

namespace Airline.Hosting.Dashboard.Resources;

/// <summary>Puts together what the model declares, what the orchestrator knows and the latest snapshot of each resource.</summary>
internal sealed class ResourceViews(DistributedApplicationModel model, Orchestrator orchestrator, ResourceNotificationService notifications)
{
    /// <summary>Every resource that runs or is run against; parameters are values, not resources to watch.</summary>
    public IEnumerable<IResource> Resources => model.Resources.Where(resource => resource is not ParameterResource);

    public IResource? Find(string name) => Resources.FirstOrDefault(resource => resource.Name == name);

    public IReadOnlyList<ResourceView> All() => [.. Resources.Select(resource => View(resource))];

    public ResourceView View(IResource resource, ResourceSnapshot? snapshot = null)
    {
        snapshot ??= notifications.TryGetCurrentState(resource.Name) ?? new ResourceSnapshot(resource.Name, KindOf(resource), ResourceState.NotStarted);
        var declared = resource as Resource;
        return new ResourceView(
            resource.Name,
            snapshot.Kind,
            snapshot.State,
            snapshot.Healthy,
            snapshot.StartedAt,
            snapshot.ExitCode,
            snapshot.Restarts,
            snapshot.Error,
            snapshot.Replicas ?? [],
            resource is ProjectResource ? Try(() => orchestrator.Endpoints(resource)) ?? [] : [],
            resource is IResourceWithConnectionString ? Try(() => SecretMasking.ConnectionString(orchestrator.GetConnectionString(resource))) : null,
            [.. orchestrator.EnvironmentOf(resource).OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new EnvironmentVariable(pair.Key, SecretMasking.Value(pair.Key, pair.Value)))],
            [.. declared?.References.Select(reference => reference.Name) ?? []],
            [.. declared?.WaitsFor.Select(dependency => dependency.Resource.Name) ?? []],
            (resource as IResourceWithParent)?.Parent.Name,
            orchestrator.AcceptsCommands(resource),
            snapshot.ProcessId,
            orchestrator.AcceptsCommands(resource) ? orchestrator.RestartPolicyOf(resource).ToString() : null);
    }

    private static string KindOf(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        MySqlServerResource => "MySQL",
        MySqlDatabaseResource => "Database",
        RedisResource => "Redis",
        _ => resource.GetType().Name.Replace("Resource", "", StringComparison.Ordinal),
    };

    /// <summary>Before the orchestrator has started a resource it cannot say where it is.</summary>
    private static T? Try<T>(Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (DistributedApplicationException)
        {
            return null;
        }
    }
}

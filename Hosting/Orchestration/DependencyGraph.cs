using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Orchestration;

internal static class DependencyGraph
{
    /// <summary>What a resource must wait for: its WaitFor list, and the server a database lives in.</summary>
    public static IEnumerable<IResource> Prerequisites(IResource resource) =>
        (resource is Resource declared ? declared.WaitsFor.Select(dependency => dependency.Resource) : [])
        .Concat(resource is IResourceWithParent child ? [child.Parent] : []);

    /// <summary>The resources ordered so that each comes after everything it waits for.</summary>
    /// <exception cref="DistributedApplicationException">Resources wait for each other in a cycle, or for one not in the model.</exception>
    public static IReadOnlyList<IResource> StartOrder(IList<IResource> resources)
    {
        var ordered = new List<IResource>();
        var state = new Dictionary<IResource, bool>(ReferenceEqualityComparer.Instance);

        foreach (var resource in resources)
        {
            Visit(resource, []);
        }

        return ordered;

        void Visit(IResource resource, List<IResource> path)
        {
            if (state.TryGetValue(resource, out var done))
            {
                if (!done)
                {
                    var cycle = path.SkipWhile(r => !ReferenceEquals(r, resource)).Append(resource).Select(r => r.Name);
                    throw new DistributedApplicationException($"Resources wait for each other in a cycle: {string.Join(" → ", cycle)}.");
                }

                return;
            }

            if (!resources.Contains(resource))
            {
                throw new DistributedApplicationException(
                    $"'{path[^1].Name}' waits for '{resource.Name}', which is not part of the app model.");
            }

            state[resource] = false;
            path.Add(resource);
            foreach (var prerequisite in Prerequisites(resource))
            {
                Visit(prerequisite, path);
            }

            path.RemoveAt(path.Count - 1);
            state[resource] = true;
            ordered.Add(resource);
        }
    }
}

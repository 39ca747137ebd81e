using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting;

/// <summary>The resources of a built application.</summary>
public sealed class DistributedApplicationModel(IList<IResource> resources)
{
    public IList<IResource> Resources { get; } = resources;
}

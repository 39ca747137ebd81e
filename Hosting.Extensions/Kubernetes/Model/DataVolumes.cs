using Airline.Hosting.LocalServers;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Kubernetes.Model;

internal static class DataVolumes
{
    /// <summary>Whether the server keeps its data (<c>WithDataVolume</c>): a kept data folder of a local server, a volume of a container.</summary>
    public static bool KeepsData(IResource server) => server switch
    {
        LocalServerResource local => local.Data.IsKept,
        _ => server.Annotations.OfType<ContainerMountAnnotation>().Any(mount => mount.Type == ContainerMountType.Volume),
    };
}

namespace Airline.Hosting.ApplicationModel;

/// <summary>An image run by the container runtime (docker or podman).</summary>
public sealed class ContainerResource(string name, string image, string tag) : Resource(name)
{
    public string Image { get; } = image;

    public string Tag { get; set; } = tag;

    /// <summary>Arguments given to the image's entry point.</summary>
    public List<string> Arguments { get; } = [];

    /// <summary>Container ports published on a loopback host port (0 picks a free one).</summary>
    public List<ContainerPort> Ports { get; } = [];

    /// <summary>Named volumes mounted into the container.</summary>
    public List<ContainerVolume> Volumes { get; } = [];

    public string ImageReference => $"{Image}:{Tag}";
}

public sealed record ContainerPort(string Name, int TargetPort, int HostPort = 0);

public sealed record ContainerVolume(string Name, string Target);

namespace Containers.Tests;

/// <summary>A test of container mode: skipped, with the reason, where no container runtime answers.</summary>
public sealed class ContainerFactAttribute : FactAttribute
{
    public ContainerFactAttribute()
    {
        Skip = ContainerRuntime.Missing;
    }
}

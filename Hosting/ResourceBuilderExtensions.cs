using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>
    /// Gives the resource what it needs to reach <paramref name="source"/>: <c>ConnectionStrings__{name}</c>
    /// for a database or cache, <c>services__{name}__http__{i}</c> for every replica of a project.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> source)
        where T : Resource
    {
        if (source.Resource is not (IResourceWithConnectionString or IResourceWithServiceDiscovery))
        {
            throw new InvalidOperationException(
                $"'{builder.Resource.Name}' cannot reference '{source.Resource.Name}': it has neither a connection string nor service endpoints.");
        }

        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> runs and reports healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource =>
        builder.AddDependency(dependency.Resource, WaitBehavior.Healthy);

    /// <summary>Starts the resource only once <paramref name="dependency"/> has finished with exit code 0.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource =>
        builder.AddDependency(dependency.Resource, WaitBehavior.Completed);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : Resource
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>Sets <paramref name="name"/> to the parameter's value; a secret one comes from the Secret when published.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : Resource
    {
        builder.Resource.ParameterEnvironment[name] = parameter.Resource;
        return builder;
    }

    /// <summary>
    /// Whether the resource's processes are started again when they exit on their own. Without it, MySQL, Redis,
    /// containers and projects restart <c>OnFailure</c> in run mode and never in the testing builder; executables never.
    /// </summary>
    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, RestartPolicy policy)
        where T : Resource
    {
        builder.Resource.RestartPolicy = policy;
        return builder;
    }

    private static IResourceBuilder<T> AddDependency<T>(this IResourceBuilder<T> builder, IResource dependency, WaitBehavior behavior)
        where T : Resource
    {
        if (ReferenceEquals(dependency, builder.Resource))
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' cannot wait for itself.");
        }

        builder.Resource.WaitsFor.Add(new ResourceDependency(dependency, behavior));
        return builder;
    }
}

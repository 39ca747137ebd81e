using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>MySQL and Redis as containers: Redis is Aspire.Hosting.Redis's own resource, MySQL a container resource of ours.</summary>
internal static class BackingServerContainers
{
    public static IResourceBuilder<MySqlContainerResource> AddMySqlContainer(
        this IDistributedApplicationBuilder builder, string name, ParameterResource password) =>
        builder.AddResource(new MySqlContainerResource(name, password))
            .WithImage("library/mysql", "8.4").WithImageRegistry("docker.io")
            .WithBuiltImageWhereChosen("mariadb")
            .WithEndpoint(targetPort: MySqlContainerResource.Port, name: MySqlContainerResource.EndpointName, scheme: "tcp")
            .WithEnvironment("MYSQL_ROOT_PASSWORD", password)
            .WithEnvironment("MYSQL_ROOT_HOST", "%");

    /// <summary>
    /// Aspire's Redis container, its append-only file fsynced on every write as in local mode. Where the machine has the
    /// ASP.NET Core development certificate, Aspire serves TLS with it and has the projects trust it.
    /// </summary>
    public static IResourceBuilder<RedisResource> AddRedisContainer(this IDistributedApplicationBuilder builder, string name) =>
        RedisBuilderExtensions.AddRedis(builder, name)
            .WithBuiltImageWhereChosen("redis")
            .WithArgs("--appendonly", "yes", "--appendfsync", "always");

    /// <summary>
    /// Where a container keeps its data when <c>BackingServers:DataDirectory</c> is set, as local servers keep theirs there
    /// (tests give each app a temporary one, so nothing outlives them); null means a named volume.
    /// </summary>
    public static string? DataFolder<T>(IResourceBuilder<T> container)
        where T : ContainerResource
    {
        if (container.ApplicationBuilder.Configuration["BackingServers:DataDirectory"] is not { Length: > 0 } directory)
        {
            return null;
        }

        var folder = Path.Combine(directory, container.Resource.Name);
        if (container.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            Directory.CreateDirectory(folder);
        }

        return folder;
    }
}

using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting;

public static class BackingServiceBuilderExtensions
{
    /// <summary>A MySQL server: MariaDB as a local process, or the mysql image where a container runtime answers.</summary>
    public static IResourceBuilder<MySqlServerResource> AddMySql(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password = null)
    {
        password ??= builder.AddParameter($"{name}-password", secret: true);
        return builder.AddResource(new MySqlServerResource(name, password.Resource));
    }

    /// <summary>A database of the server, created if missing.</summary>
    public static IResourceBuilder<MySqlDatabaseResource> AddDatabase(
        this IResourceBuilder<MySqlServerResource> server, string name, string? databaseName = null)
    {
        var database = new MySqlDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database);
    }

    /// <summary>A Redis server: <c>redis-server</c> as a local process, or the redis image where a container runtime answers.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password = null)
    {
        password ??= builder.AddParameter($"{name}-password", secret: true);
        return builder.AddResource(new RedisResource(name, password.Resource));
    }

    /// <summary>Keeps the server's data across runs.</summary>
    public static IResourceBuilder<MySqlServerResource> WithDataVolume(this IResourceBuilder<MySqlServerResource> builder)
    {
        builder.Resource.PersistentData = true;
        return builder;
    }

    /// <summary>Keeps the server's data across runs.</summary>
    public static IResourceBuilder<RedisResource> WithDataVolume(this IResourceBuilder<RedisResource> builder)
    {
        builder.Resource.PersistentData = true;
        return builder;
    }

    /// <summary>A value from configuration <c>Parameters:{name}</c>; a missing secret is generated once and kept.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret));

    /// <summary>
    /// A secret RSA private key (2048 bits, PKCS#8, base64 on one line) that signs tokens: configured as
    /// <c>Parameters:{name}</c>, else generated once and kept like the passwords (a Kubernetes Secret when published).
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddSigningKeyParameter(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new ParameterResource(name, secret: true, generate: NewRsaPrivateKey));

    private static string NewRsaPrivateKey()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
    }

    /// <summary>An existing server, reached with the connection string configured as <c>ConnectionStrings:{name}</c>.</summary>
    public static IResourceBuilder<ConnectionStringResource> AddConnectionString(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new ConnectionStringResource(name));

    /// <summary>An image run by docker or podman.</summary>
    public static IResourceBuilder<ContainerResource> AddContainer(
        this IDistributedApplicationBuilder builder, string name, string image, string tag = "latest") =>
        builder.AddResource(new ContainerResource(name, image, tag));

    /// <summary>Publishes <paramref name="targetPort"/> of the container on a loopback port (a free one unless given).</summary>
    public static IResourceBuilder<ContainerResource> WithEndpoint(
        this IResourceBuilder<ContainerResource> builder, string name, int targetPort, int hostPort = 0)
    {
        builder.Resource.Ports.Add(new ContainerPort(name, targetPort, hostPort));
        return builder;
    }

    public static IResourceBuilder<ContainerResource> WithArgs(this IResourceBuilder<ContainerResource> builder, params string[] arguments)
    {
        builder.Resource.Arguments.AddRange(arguments);
        return builder;
    }

    public static IResourceBuilder<ContainerResource> WithVolume(this IResourceBuilder<ContainerResource> builder, string name, string target)
    {
        builder.Resource.Volumes.Add(new ContainerVolume(name, target));
        return builder;
    }

    /// <summary>A program run as a local process from <paramref name="workingDirectory"/>.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] arguments) =>
        builder.AddResource(new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, builder.AppHostDirectory), arguments));
}

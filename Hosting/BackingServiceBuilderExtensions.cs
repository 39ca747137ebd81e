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
}

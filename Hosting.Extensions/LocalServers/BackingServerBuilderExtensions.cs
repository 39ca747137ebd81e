using Airline.Hosting.LocalServers;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>
/// MySQL and Redis of the app model. Where a container runtime answers they are containers (Redis through
/// Aspire.Hosting.Redis itself); elsewhere <c>mariadbd</c> and <c>redis-server</c> run as processes of this machine.
/// Either way they have the same names, connection strings and health checks, and the app model gets the restart
/// supervisor, which restarts servers and projects on failure in run mode unless told otherwise.
/// </summary>
public static class BackingServerBuilderExtensions
{
    /// <summary>A MySQL server: a local MariaDB process, or a container (MariaDB built here, or the official mysql) where a container runtime answers.</summary>
    public static IResourceBuilder<IMySqlServerResource> AddMySql(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        builder.AddRestartSupervisor();
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        IResourceBuilder<IMySqlServerResource> server = BackingServerRuntime.UsesContainers(builder.Configuration, builder.ExecutionContext)
            ? builder.AddMySqlContainer(name, password)
            : builder.AddLocalMySql(name, password);

        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (ready, cancellationToken) =>
        {
            var connectionString = await server.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in server.Resource.Databases)
            {
                await MySqlAdministration.CreateDatabaseAsync(connectionString!, database.DatabaseName, cancellationToken);
                // Aspire passes its state to the children of a container only; a database of a local server runs once it exists.
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = snapshot.StartTimeStamp ?? DateTime.UtcNow,
                });
            }
        });
        return server.WithIconName("DatabaseMultiple").WithMySqlHealthCheck();
    }

    /// <summary>A database of the server, created if missing before anything that waits for it starts.</summary>
    public static IResourceBuilder<MySqlDatabaseResource> AddDatabase(
        this IResourceBuilder<IMySqlServerResource> server, [ResourceName] string name, string? databaseName = null)
    {
        var database = new MySqlDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database).WithMySqlHealthCheck();
    }

    /// <summary>A Redis server: a local <c>redis-server</c> process, or Aspire's Redis container where a container runtime answers.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddRedis(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        builder.AddRestartSupervisor();
        if (BackingServerRuntime.UsesContainers(builder.Configuration, builder.ExecutionContext))
        {
            return builder.AddRedisContainer(name);
        }

        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var redis = new LocalRedisResource(
            name, FindInRunMode(builder, Executable.RedisPackage, "redis-server"), builder.AppHostDirectory, StateDirectory(builder), password);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, (_, cancellationToken) => redis.WriteConfigurationAsync(cancellationToken));
        builder.DeleteDataWhenStopped(redis);

        var healthCheck = $"{name}_check";
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, cancellationToken) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(cancellationToken));
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of '{name}' is not known yet."), healthCheck);

        return builder.AddResource(redis)
            .WithLocalServerEndpoint(LocalServerResource.EndpointName)
            .WithArgs(context => context.Args.Add(redis.ConfigurationFile))
            .WithIconName("Database")
            .WithHealthCheck(healthCheck);
    }

    /// <summary>
    /// Keeps the server's data across runs: a folder under the state folder for a process; for a container a named volume,
    /// or a folder of <c>BackingServers:DataDirectory</c> where that is set.
    /// </summary>
    public static IResourceBuilder<T> WithDataVolume<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString
    {
        switch (builder.Resource)
        {
            case LocalServerResource local:
                local.Data.Keep();
                break;
            case RedisResource redis:
                var redisContainer = builder.ApplicationBuilder.CreateResourceBuilder(redis);
                _ = BackingServerContainers.DataFolder(redisContainer) is { } redisFolder
                    ? RedisBuilderExtensions.WithDataBindMount(redisContainer, redisFolder)
                    : RedisBuilderExtensions.WithDataVolume(redisContainer);
                break;
            case MySqlContainerResource mysql:
                var mysqlContainer = builder.ApplicationBuilder.CreateResourceBuilder(mysql);
                _ = BackingServerContainers.DataFolder(mysqlContainer) is { } mysqlFolder
                    ? mysqlContainer.WithBindMount(mysqlFolder, MySqlContainerResource.DataPath)
                    : mysqlContainer.WithVolume(VolumeNameGenerator.Generate(builder, "data"), MySqlContainerResource.DataPath);
                break;
            default:
                throw new InvalidOperationException($"'{builder.Resource.Name}' is not a MySQL or Redis server: it has no data volume.");
        }

        return builder;
    }

    private static IResourceBuilder<LocalMySqlResource> AddLocalMySql(this IDistributedApplicationBuilder builder, string name, ParameterResource password)
    {
        var mysql = new LocalMySqlResource(
            name, FindInRunMode(builder, Executable.MariaDbPackage, "mariadbd", "mysqld"), builder.AppHostDirectory, StateDirectory(builder), password);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(mysql, (_, cancellationToken) => mysql.PrepareDataDirectoryAsync(cancellationToken));
        builder.DeleteDataWhenStopped(mysql);
        return builder.AddResource(mysql)
            .WithLocalServerEndpoint(LocalServerResource.EndpointName)
            .WithArgs(context =>
            {
                foreach (var argument in mysql.Arguments())
                {
                    context.Args.Add(argument);
                }
            });
    }

    /// <summary>
    /// A loopback port of its own, chosen when the model is built rather than by the orchestrator at each start, so that
    /// a server restarted after a crash is found where its clients' connection strings say.
    /// </summary>
    private static IResourceBuilder<T> WithLocalServerEndpoint<T>(this IResourceBuilder<T> builder, string name)
        where T : IResourceWithEndpoints
    {
        var port = FreePort.Next();
        return builder.WithEndpoint(name: name, scheme: "tcp", port: port, targetPort: port, isProxied: false);
    }

    private static IResourceBuilder<T> WithMySqlHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString
    {
        var key = $"{builder.Resource.Name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(key, _ => new MySqlHealthCheck(builder.Resource), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }

    private static void DeleteDataWhenStopped(this IDistributedApplicationBuilder builder, LocalServerResource server) =>
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((created, _) =>
        {
            created.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>()
                .ApplicationStopped.Register(server.Data.DeleteUnlessKept);
            return Task.CompletedTask;
        });

    private static string StateDirectory(IDistributedApplicationBuilder builder) =>
        builder.Configuration["BackingServers:DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, ".state");

    /// <summary>The server's program, which must be installed to run; a published model only names it.</summary>
    private static string FindInRunMode(IDistributedApplicationBuilder builder, string debianPackage, params string[] names) =>
        builder.ExecutionContext.IsRunMode ? Executable.Find(debianPackage, names) : names[0];
}

using Airline.Hosting.ApplicationModel;
using Airline.Hosting.BackingServices;
using Airline.Hosting.Containers;
using Airline.Hosting.Local;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Orchestration;

/// <summary>Decides how each resource runs: servers as containers or local processes, projects and executables as processes.</summary>
internal sealed class RunnerFactory(
    OrchestratorOptions options,
    IConfiguration configuration,
    ParameterStore parameters,
    ProcessLedger ledger,
    ConsoleReporter console,
    ResourceNotificationService notifications,
    ResourceLogService logs,
    IContainerRuntime? containerRuntime,
    bool serversInContainers,
    string containerLabel,
    Func<IResource, string> connectionString,
    Func<IResource, IReadOnlyList<Uri>> endpoints)
{
    private const string LoopbackHost = "127.0.0.1";

    public ResourceRunner? Create(IResource resource) => resource switch
    {
        MySqlServerResource mysql => MySql(mysql),
        RedisResource redis => Redis(redis),
        ProjectResource project => Project(project),
        ContainerResource container => Container(container),
        ExecutableResource executable => new ExecutableRunner(
            executable, Environment(executable).ToDictionary(pair => pair.Key, pair => (string?)pair.Value),
            Output(executable.Name), Output(executable.Name, isError: true), ledger),
        ConnectionStringResource existing => new ConnectionStringRunner(existing, configuration),
        IResourceWithParent => null,
        _ => throw new DistributedApplicationException($"'{resource.Name}' is a {resource.GetType().Name}, which run mode cannot start."),
    };

    private ServerRunner MySql(MySqlServerResource mysql)
    {
        var password = parameters.GetValue(mysql.Password);
        IServerInstance server = serversInContainers
            ? ContainerServer(BackingServiceContainers.MySql(mysql, password, FreePort.Next(), containerLabel), password,
                port => ct => MySqlAdministration.PingAsync(ConnectionStrings.MySql(LoopbackHost, port, password), ct))
            : new LocalMySqlServer(DataDirectory(mysql, mysql.PersistentData), password, onOutput: Output(mysql.Name));

        string ConnectionString(IResource target) => ConnectionStrings.MySql(
            LoopbackHost, server.Port, password, target is MySqlDatabaseResource database ? database.DatabaseName : null);

        return new ServerRunner(mysql, "MySQL", server, ledger, ConnectionString,
            afterStart: async ct =>
            {
                foreach (var database in mysql.Databases)
                {
                    await MySqlAdministration.CreateDatabaseAsync(ConnectionString(mysql), database.DatabaseName, ct);
                }
            },
            probe: ct => MySqlAdministration.PingAsync(ConnectionString(mysql), ct));
    }

    private ServerRunner Redis(RedisResource redis)
    {
        var password = parameters.GetValue(redis.Password);
        IServerInstance server = serversInContainers
            ? ContainerServer(BackingServiceContainers.Redis(redis, password, FreePort.Next(), containerLabel), password,
                port => ct => RedisProbe.PingAsync(LoopbackHost, port, password, ct))
            : new LocalRedisServer(DataDirectory(redis, redis.PersistentData), password, onOutput: Output(redis.Name));

        return new ServerRunner(redis, "Redis", server, ledger, _ => ConnectionStrings.Redis(LoopbackHost, server.Port, password),
            probe: ct => RedisProbe.PingAsync(LoopbackHost, server.Port, password, ct));
    }

    private ContainerServer ContainerServer(ContainerSpec spec, string password, Func<int, Func<CancellationToken, Task<bool>>> probe) =>
        new(RequireContainerRuntime(spec.Name), spec, password, probe(spec.Ports[0].HostPort));

    private ContainerRunner Container(ContainerResource container)
    {
        var hostPorts = container.Ports.Select(port => port.HostPort == 0 ? FreePort.Next() : port.HostPort).ToList();
        var spec = BackingServiceContainers.Container(container, hostPorts, containerLabel, Environment(container));
        return new ContainerRunner(container, RequireContainerRuntime(container.Name), spec);
    }

    private ProjectRunner Project(ProjectResource project)
    {
        var urls = Enumerable.Range(0, project.Replicas)
            .Select(_ => new Uri($"http://{LoopbackHost}:{project.HttpPort ?? FreePort.Next()}"))
            .ToList();

        return new ProjectRunner(
            project,
            urls,
            replica => ProjectEnvironment.Render(project, replica, urls[replica], options.EnvironmentName, connectionString, endpoints, parameters.GetValue, options.Telemetry)
                .ToDictionary(pair => pair.Key, pair => (string?)pair.Value),
            output =>
            {
                console.Line(output.Source, output.Text);
                logs.Append(project.Name, output);
            },
            notifications,
            ledger,
            options.RestartPolicyOf(project));
    }

    /// <summary>Connection strings and environment a container or executable was given with WithReference/WithEnvironment.</summary>
    private Dictionary<string, string> Environment(Resource resource)
    {
        var environment = resource.References
            .OfType<IResourceWithConnectionString>()
            .ToDictionary(reference => $"ConnectionStrings__{reference.Name}", connectionString);
        foreach (var (key, value) in resource.Environment)
        {
            environment[key] = value;
        }

        foreach (var (key, parameter) in resource.ParameterEnvironment)
        {
            environment[key] = parameters.GetValue(parameter);
        }

        return environment;
    }

    private IContainerRuntime RequireContainerRuntime(string resourceName) =>
        containerRuntime ?? throw new MissingPrerequisiteException(
            $"'{resourceName}' needs a container runtime and none answers: install and start Docker (apt-get install docker.io) or Podman (apt-get install podman).");

    private Action<string> Output(string resourceName, bool isError = false) => line =>
    {
        console.Line(resourceName, line);
        logs.Append(resourceName, new ConsoleOutput(resourceName, line, isError));
    };

    private string DataDirectory(IResource resource, bool persistent) =>
        Path.Combine(options.StateDirectory, persistent ? "volumes" : "ephemeral", resource.Name);
}

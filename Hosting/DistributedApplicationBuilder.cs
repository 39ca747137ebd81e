using System.Reflection;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Dashboard;
using Airline.Hosting.Orchestration;
using Airline.Hosting.Publishing;
using Airline.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly DistributedApplicationOptions _options;
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        _options = options;
        AppHostDirectory = options.AppHostDirectory ?? AppHostProjectDirectory(options.AppHostAssembly);
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ApplicationName = options.AppHostAssembly.GetName().Name,
            ContentRootPath = AppHostDirectory,
            EnvironmentName = options.EnvironmentName,
        });
        _host.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        ExecutionContext = new DistributedApplicationExecutionContext(
            PublishArguments.IsPublish(options.Args) ? DistributedApplicationOperation.Publish : DistributedApplicationOperation.Run);
    }

    public ConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public string AppHostDirectory { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(existing => string.Equals(existing.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build()
    {
        DistributedApplicationTestingBuilder.InterceptBuild(this);

        var model = new DistributedApplicationModel(_resources);
        DependencyGraph.StartOrder(model.Resources);

        if (ExecutionContext.IsPublishMode)
        {
            _host.Services.AddSingleton(_ => new PublishCommand(_options.Args, model, Configuration, Environment,
                _options.Console ?? Console.Out, Console.Error));
            return new DistributedApplication(_host.Build());
        }

        var stateDirectory = _options.StateDirectory ?? Path.Combine(AppHostDirectory, ".state");
        var dashboardSettings = Configuration.GetSection("Dashboard").Get<DashboardSettings>() ?? new DashboardSettings();
        var dashboard = DashboardAccess.Create(dashboardSettings, _options.DefaultDashboardPort);
        _host.Services.AddSingleton(model);
        _host.Services.AddSingleton<ResourceNotificationService>();
        _host.Services.AddSingleton(new OrchestratorOptions
        {
            StateDirectory = stateDirectory,
            SecretsFile = _options.KeepSecrets ? SecretsFile(AppHostDirectory) : null,
            EnvironmentName = _host.Environment.EnvironmentName,
            Console = _options.Console ?? Console.Out,
            Runtime = Configuration["runtime"] ?? "auto",
            DefaultRestartPolicy = _options.DefaultRestartPolicy,
            DeleteStateOnDispose = _options.StateDirectory is not null,
            Telemetry = dashboard.TelemetryEnvironment(),
        });
        _host.Services.AddDashboard(dashboard, dashboardSettings);
        _host.Services.AddSingleton<Orchestrator>();
        _host.Services.AddHostedService(services => services.GetRequiredService<Orchestrator>());

        return new DistributedApplication(_host.Build());
    }

    /// <summary>Generated secrets live under the user's home, one file per AppHost, like user secrets.</summary>
    private static string SecretsFile(string appHostDirectory)
    {
        var configHome = System.Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".config");
        var id = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(appHostDirectory)))[..16];
        return Path.Combine(configHome, "airline-apphost", id.ToLowerInvariant(), "parameters.json");
    }

    private static string AppHostProjectDirectory(Assembly appHost) =>
        appHost.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value
        ?? AppContext.BaseDirectory;
}

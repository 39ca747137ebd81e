using System.Reflection;
using Airline.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Testing;

/// <summary>
/// Test mode: runs an AppHost's Program up to <c>Build()</c>, hands its builder to the test (which may
/// change its resources and configuration), then builds an application that runs on free ports with a
/// fresh temporary state folder and leaves no process or folder behind once disposed.
/// </summary>
public sealed class DistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    private static readonly AsyncLocal<Interception?> CurrentInterception = new();

    private readonly IDistributedApplicationBuilder _inner;

    private DistributedApplicationTestingBuilder(IDistributedApplicationBuilder inner) => _inner = inner;

    public ConfigurationManager Configuration => _inner.Configuration;

    public IHostEnvironment Environment => _inner.Environment;

    public IServiceCollection Services => _inner.Services;

    public string AppHostDirectory => _inner.AppHostDirectory;

    public DistributedApplicationExecutionContext ExecutionContext => _inner.ExecutionContext;

    public IList<IResource> Resources => _inner.Resources;

    /// <typeparam name="TAppHost">The generated <c>Projects.AppHost</c> class of the test project's AppHost reference.</typeparam>
    public static Task<DistributedApplicationTestingBuilder> CreateAsync<TAppHost>(CancellationToken cancellationToken = default)
        where TAppHost : IProjectMetadata, new() =>
        CreateAsync<TAppHost>([], cancellationToken);

    public static Task<DistributedApplicationTestingBuilder> CreateAsync<TAppHost>(string[] args, CancellationToken cancellationToken = default)
        where TAppHost : IProjectMetadata, new()
    {
        var appHost = LoadAppHost(new TAppHost());
        var entryPoint = appHost.EntryPoint ?? throw new DistributedApplicationException($"{appHost.GetName().Name} has no entry point.");
        var interception = new Interception(appHost);

        CurrentInterception.Value = interception;
        try
        {
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is BuilderCapturedException)
        {
            // Expected: the AppHost's Program stopped at Build().
        }
        finally
        {
            CurrentInterception.Value = null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new DistributedApplicationTestingBuilder(
            interception.Builder ?? throw new DistributedApplicationException($"{appHost.GetName().Name}'s Program never called Build().")));
    }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => _inner.AddResource(resource);

    public DistributedApplication Build() => _inner.Build();

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());

    /// <summary>Called by <see cref="DistributedApplication.CreateBuilder"/>: null outside test mode.</summary>
    internal static DistributedApplicationOptions? InterceptedOptions(string[] args) =>
        CurrentInterception.Value is { } interception
            ? new DistributedApplicationOptions
            {
                Args = args,
                AppHostAssembly = interception.AppHost,
                StateDirectory = Path.Combine(Path.GetTempPath(), "airline-apphost-tests", Guid.NewGuid().ToString("N")),
                KeepSecrets = false,
                EnvironmentName = Environments.Development,
                Console = TextWriter.Null,
                DefaultDashboardPort = 0,
                DefaultRestartPolicy = RestartPolicy.Never,
            }
            : null;

    /// <summary>Called by the builder's <c>Build()</c>: in test mode the first call hands the builder over instead.</summary>
    internal static void InterceptBuild(IDistributedApplicationBuilder builder)
    {
        if (CurrentInterception.Value is { Builder: null } interception)
        {
            interception.Builder = builder;
            throw new BuilderCapturedException();
        }
    }

    private static Assembly LoadAppHost(IProjectMetadata appHost)
    {
        var name = Path.GetFileNameWithoutExtension(appHost.TargetPath);
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return Assembly.LoadFrom(appHost.TargetPath);
        }
    }

    private sealed class Interception(Assembly appHost)
    {
        public Assembly AppHost { get; } = appHost;

        public IDistributedApplicationBuilder? Builder { get; set; }
    }

    private sealed class BuilderCapturedException : Exception;
}

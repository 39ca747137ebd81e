using System.Reflection;
using Airline.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Airline.Hosting.Testing;

/// <summary>
/// Test mode: runs an AppHost's Program up to <c>Build()</c>, hands its builder to the test (which may
/// change its resources and configuration), then builds an application that runs on free ports with a
/// fresh temporary state folder and leaves no process or folder behind once disposed.
/// </summary>
public sealed partial class DistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    private static readonly AsyncLocal<Interception?> CurrentInterception = new();

    private readonly IDistributedApplicationBuilder _inner;
    private readonly LineForwarder _output;

    private DistributedApplicationTestingBuilder(IDistributedApplicationBuilder inner, LineForwarder output)
    {
        _inner = inner;
        _output = output;
    }

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
            interception.Builder ?? throw new DistributedApplicationException($"{appHost.GetName().Name}'s Program never called Build()."),
            interception.Output));
    }

    /// <summary>
    /// Sends every resource's console output and every state change, one line each as the AppHost's console shows
    /// them (e.g. to <c>ITestOutputHelper.WriteLine</c>), so a failing test says why. Without it the output is dropped.
    /// </summary>
    public DistributedApplicationTestingBuilder WithOutput(Action<string> writeLine)
    {
        _output.Sink = writeLine;
        return this;
    }

    /// <inheritdoc cref="WithOutput(Action{string})"/>
    public DistributedApplicationTestingBuilder WithOutput(ILogger logger) =>
        WithOutput(line => LogLine(logger, line));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogLine(ILogger logger, string line);

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
                Console = interception.Output,
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

        public LineForwarder Output { get; } = new();
    }

    private sealed class BuilderCapturedException : Exception;
}

using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Containers;
using Airline.Hosting.Orchestration;
using Airline.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Hosting.Tests;

/// <summary>An orchestrator over a model built in the test, with its own state folder and a console it can read.</summary>
internal sealed class TestOrchestrator : IAsyncDisposable
{
    private readonly TemporaryDirectory _state;

    private TestOrchestrator(TemporaryDirectory state, Orchestrator orchestrator, ResourceNotificationService notifications, StringWriter console)
    {
        _state = state;
        Orchestrator = orchestrator;
        Notifications = notifications;
        Console = console;
    }

    public Orchestrator Orchestrator { get; }

    public ResourceNotificationService Notifications { get; }

    public StringWriter Console { get; }

    public string StateDirectory => _state.Path;

    public static TestOrchestrator Create(
        IDistributedApplicationBuilder builder,
        string runtime = "local",
        IContainerRuntime? containerRuntime = null,
        TemporaryDirectory? state = null,
        IConfiguration? configuration = null)
    {
        state ??= new TemporaryDirectory("apphost");
        var notifications = new ResourceNotificationService();
        var console = new StringWriter();
        var orchestrator = new Orchestrator(
            new DistributedApplicationModel(builder.Resources),
            new OrchestratorOptions
            {
                StateDirectory = state.Path,
                EnvironmentName = "Development",
                Console = TextWriter.Synchronized(console),
                Runtime = runtime,
                ContainerRuntime = containerRuntime,
            },
            notifications,
            configuration ?? new ConfigurationBuilder().Build());
        return new TestOrchestrator(state, orchestrator, notifications, console);
    }

    public ResourceSnapshot State(string name) => Notifications.TryGetCurrentState(name) ?? throw new InvalidOperationException($"No state for {name}.");

    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Orchestrator.StartAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        _state.Dispose();
    }
}

using System.Diagnostics;
using Airline.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AppHostStartup;

/// <summary>What one start and stop of the whole model took, every time since the clock started or since disposing began.</summary>
internal sealed record StartupFigures(
    TimeSpan ModelBuilt,
    TimeSpan DcpSeen,
    TimeSpan FirstLeftNotStarted,
    TimeSpan ResourcesCreated,
    TimeSpan AllHealthy,
    IReadOnlyList<InstanceTimes> Instances,
    IReadOnlyList<string> ProcessNames,
    TimeSpan DisposeReturned,
    TimeSpan AllGone,
    IReadOnlyDictionary<string, TimeSpan> LastGoneByName);

/// <summary>
/// Starts the AppHost's model as the whole-system tests do (<see cref="TestApplication"/>: Aspire's testing builder, MySQL
/// and Redis as local processes with their data in a fresh temporary folder), waits for every instance of every resource
/// to be Running and Healthy, then disposes it and waits for every process of DCP's tree to be gone.
/// </summary>
internal static class StartupRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<StartupFigures> MeasureAsync(IReadOnlyCollection<string> resources)
    {
        var clock = Stopwatch.StartNew();
        var timeline = new ResourceTimeline(clock, resources);
        var output = new CapturedOutput();
        TimeSpan modelBuilt = default, resourcesCreated = default;
        using var stopWatching = new CancellationTokenSource();
        var sightings = new ProcessSightings(clock);
        var watchingProcesses = sightings.WatchAsync(stopWatching.Token);

        var system = await TestApplication.StartAsync<Projects.AppHost>(output: output, configure: builder =>
        {
            builder.Services.AddLogging(logging => logging.AddFilter<ConsoleLoggerProvider>(_ => false));
            builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
            {
                modelBuilt = clock.Elapsed;
                timeline.Follow(start.Model, start.Services.GetRequiredService<ResourceNotificationService>(), stopWatching.Token);
                return Task.CompletedTask;
            });
            builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((_, _) =>
            {
                resourcesCreated = clock.Elapsed;
                return Task.CompletedTask;
            });
        });

        try
        {
            await timeline.AllHealthy.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            await system.DisposeAsync();
            throw new TimeoutException(
                $"Not healthy within {Limit.TotalMinutes} minutes: {string.Join(", ", timeline.NotYetHealthy)}. Last output:{Environment.NewLine}{output.Tail(40)}");
        }

        await stopWatching.CancelAsync();
        await watchingProcesses;
        var instances = timeline.Instances.Where(i => i.Healthy is not null).ToList();
        foreach (var instance in instances.Where(i => i.ProcessId is not null))
        {
            instance.ProcessSeen = sightings.FirstSeen(instance.ProcessId!.Value);
            instance.ServiceProcessSeen = sightings.FirstChildSeen(instance.ProcessId!.Value);
        }

        var names = ProcessTree.DcpAndDescendants().Where(ProcessTree.IsAlive).ToDictionary(id => id, ProcessTree.Name);
        var gone = new Dictionary<int, TimeSpan>();

        clock.Restart();
        var disposing = system.DisposeAsync().AsTask();
        while (names.Keys.Where(id => !gone.ContainsKey(id)).ToList() is { Count: > 0 } alive)
        {
            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"Still running {Limit.TotalMinutes} minutes after DisposeAsync: {string.Join(", ", alive.Select(id => $"{names[id]} ({id})"))}.");
            }

            foreach (var ended in alive.Where(id => !ProcessTree.IsAlive(id)))
            {
                gone[ended] = clock.Elapsed;
            }

            await Task.Delay(5);
        }

        var allGone = clock.Elapsed;
        await disposing;
        var disposeReturned = clock.Elapsed;

        return new StartupFigures(
            modelBuilt,
            sightings.DcpSeen ?? throw new InvalidOperationException("DCP's API server was never seen."),
            instances.Min(i => i.LeftNotStarted!.Value),
            resourcesCreated,
            instances.Max(i => i.Healthy!.Value),
            instances,
            [.. names.Values],
            disposeReturned,
            TimeSpan.FromTicks(Math.Max(allGone.Ticks, disposeReturned.Ticks)),
            gone.GroupBy(process => names[process.Key]).ToDictionary(byName => byName.Key, byName => byName.Max(process => process.Value)));
    }
}

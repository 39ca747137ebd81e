using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Testing;

namespace Airline.TestSupport;

public static class TestApplication
{
    private const int OutputLinesOnFailure = 60;

    /// <summary>
    /// Starts an AppHost's model in test mode and returns once <paramref name="resource"/> is healthy;
    /// if that fails, stops what did start (xunit does not dispose a fixture whose start failed) and says
    /// why with the AppHost's last output lines.
    /// </summary>
    /// <param name="output">Receives the AppHost's console: every resource's output and state change.</param>
    /// <param name="configure">Changes the model before it is built (e.g. restart policies).</param>
    public static async Task<DistributedApplication> StartAsync<TAppHost>(
        string resource = "gateway",
        CapturedOutput? output = null,
        Action<DistributedApplicationTestingBuilder>? configure = null)
        where TAppHost : IProjectMetadata, new()
    {
        output ??= new CapturedOutput();
        var builder = (await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>()).WithOutput(output.Add);
        configure?.Invoke(builder);
        var app = await builder.BuildAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            return app;
        }
        catch (Exception exception)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"The AppHost did not start {resource}: {exception.Message}{Environment.NewLine}Its last output:{Environment.NewLine}{output.Tail(OutputLinesOnFailure)}",
                exception);
        }
    }
}

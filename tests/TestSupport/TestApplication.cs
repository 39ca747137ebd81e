using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airline.TestSupport;

/// <summary>
/// An AppHost's whole model started through Aspire's testing builder, as every whole-system test starts it: MySQL and
/// Redis as local processes with their data in a temporary folder, nothing restarted unless a test asks for it.
/// Disposing it stops everything and deletes that folder.
/// </summary>
public sealed class TestApplication : IAsyncDisposable
{
    private const int OutputLinesOnFailure = 60;

    private readonly TemporaryDirectory _data;

    private TestApplication(DistributedApplication app, TemporaryDirectory data)
    {
        App = app;
        _data = data;
    }

    public DistributedApplication App { get; }

    public HttpClient CreateHttpClient(string resource) => App.CreateHttpClient(resource);

    /// <summary>
    /// Starts the model of <typeparamref name="TAppHost"/> and returns once <paramref name="resource"/> is healthy. If that
    /// fails, it stops what did start (xunit does not dispose a fixture whose start failed) and says why with the last
    /// lines the resources wrote.
    /// </summary>
    /// <param name="output">Receives every resource's console output and the AppHost's log.</param>
    /// <param name="configure">Changes the model before it is built (e.g. restart policies, settings).</param>
    /// <param name="settings">Settings the AppHost reads while it makes its model, over the tests' own (e.g. <c>BackingServers:Runtime=container</c>).</param>
    public static async Task<TestApplication> StartAsync<TAppHost>(
        string resource = "gateway",
        CapturedOutput? output = null,
        Action<IDistributedApplicationTestingBuilder>? configure = null,
        params string[] settings)
        where TAppHost : class
    {
        output ??= new CapturedOutput();
        var data = new TemporaryDirectory("apphost");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>([.. EmptyAppModel.Settings(data.Path), .. settings]);
        builder.Services.AddLogging(logging => logging.AddProvider(new CapturedOutputLoggerProvider(output)));
        configure?.Invoke(builder);
        var system = new TestApplication(await builder.BuildAsync(), data);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await system.App.StartAsync(timeout.Token);
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            return system;
        }
        catch (Exception exception)
        {
            await system.DisposeAsync();
            throw new InvalidOperationException(
                $"The AppHost did not start {resource}: {exception.Message}{Environment.NewLine}Its last output:{Environment.NewLine}{output.Tail(OutputLinesOnFailure)}",
                exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _data.Dispose();
    }
}

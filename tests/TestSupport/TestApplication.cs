using Airline.TestSupport.Servers;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Airline.TestSupport;

/// <summary>Starts an AppHost's whole model through Aspire's testing builder, as every whole-system test does.</summary>
public static class TestApplication
{
    private const int OutputLinesOnFailure = 60;

    /// <summary>
    /// Starts the model of <typeparamref name="TAppHost"/> with MySQL and Redis as local processes whose data is in a
    /// temporary folder (deleted once the application has stopped), no restart unless a test asks for one, and returns
    /// once <paramref name="resource"/> is healthy. If that fails, it stops what did start (xunit does not dispose a
    /// fixture whose start failed) and says why with the last lines the resources wrote.
    /// </summary>
    /// <param name="output">Receives every resource's console output and the AppHost's log.</param>
    /// <param name="configure">Changes the model before it is built (e.g. restart policies, settings).</param>
    public static async Task<DistributedApplication> StartAsync<TAppHost>(
        string resource = "gateway",
        CapturedOutput? output = null,
        Action<IDistributedApplicationTestingBuilder>? configure = null)
        where TAppHost : class
    {
        output ??= new CapturedOutput();
        var data = new TemporaryDirectory("apphost");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>(
        [
            "BackingServers:Runtime=local",
            $"BackingServers:DataDirectory={data.Path}",
            "Restarts:Default=Never",
        ]);
        builder.Services.AddLogging(logging => logging.AddProvider(new CapturedOutputLoggerProvider(output)));
        configure?.Invoke(builder);
        var app = await builder.BuildAsync();
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(data.Dispose);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
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

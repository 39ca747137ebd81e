using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airline.Hosting.Restarts;
using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Containers.Tests;

/// <summary>
/// MySQL and Redis as containers of the images <c>make images</c> builds (the mode <c>make run</c> takes where a container
/// runtime answers). The other test projects run them as local processes: that mode works on every machine, starts in a
/// fraction of the time, and is what their failure tests signal with kill -9.
/// </summary>
public sealed class ContainerModeTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] ContainerMode = ["BackingServers:Runtime=container", "BackingServers:Images=built"];

    private readonly CapturedOutput _captured = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(4));

    public void Dispose() => _timeout.Dispose();

    [ContainerFact]
    public async Task Booking_works_with_MySQL_and_Redis_in_containers_of_the_built_images_and_dispose_leaves_no_container()
    {
        using var during = _captured.During(output);
        string[] containers;
        await using (var system = await TestApplication.StartAsync<Projects.AppHost>(output: _captured, settings: ContainerMode))
        {
            var servers = new[] { "mysql", "redis" }.Select(name => system.App.ResourceNotifications.WaitForResourceHealthyAsync(name, _timeout.Token));
            var running = await Task.WhenAll(servers);
            Assert.Equal(["localhost/airline/mariadb:debian", "localhost/airline/redis:debian"], running.Select(server => server.Image()));
            containers = [.. running.Select(server => server.ContainerId())];

            using var identity = system.CreateHttpClient("identity");
            using var gateway = system.CreateHttpClient("gateway");
            await BookAndCancelAsync(identity, gateway);
        }

        await AssertGoneAsync(containers);
    }

    [ContainerFact]
    public async Task A_killed_Redis_container_shows_as_exited_and_comes_back_with_its_data_and_dispose_leaves_no_container()
    {
        using var data = new TemporaryDirectory("containers-tests");
        await using var builder = EmptyAppModel.Create(data.Path, ContainerMode);
        var redis = builder.AddRedis("redis").WithDataVolume().WithRestartPolicy(RestartPolicy.OnFailure());
        var containers = new List<string>();
        await using (var app = await builder.BuildAsync())
        {
            await app.StartAsync(_timeout.Token);
            var first = await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", _timeout.Token);
            containers.Add(first.ContainerId());
            var connectionString = await redis.Resource.ConnectionStringExpression.GetValueAsync(_timeout.Token);
            await WriteAsync(connectionString!, "acknowledged", "yes");

            var exited = app.ResourceNotifications.WaitForResourceAsync("redis",
                resource => resource.Snapshot.State?.Text == KnownResourceStates.Exited, _timeout.Token);
            ContainerRuntime.Kill(first.ContainerId());
            Assert.NotNull((await exited).Snapshot.ExitCode);

            var second = await app.ResourceNotifications.WaitForResourceAsync("redis",
                resource => resource.IsRunning() && resource.Restarts() == 1, _timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", _timeout.Token);
            containers.Add(second.ContainerId());
            Assert.Equal(connectionString, await redis.Resource.ConnectionStringExpression.GetValueAsync(_timeout.Token));
            Assert.Equal("yes", await ReadAsync(connectionString!, "acknowledged"));
        }

        await AssertGoneAsync(containers);
    }

    private static async Task BookAndCancelAsync(HttpClient identity, HttpClient gateway)
    {
        var alice = await Customers.SignUpAsync(identity);
        var bob = await Customers.SignUpAsync(identity);
        var tomorrow = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var flights = await gateway.GetFromJsonAsync<JsonArray>($"/flights?origin_code=LAX&destination_code=DCA&date={tomorrow}");
        var flightId = (string)Assert.Single(flights!)!["flight_id"]!;

        using var booked = await SendAsync(gateway, alice, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { flight_id = flightId, seat_num = "14D" }));
        using var doubleBooked = await SendAsync(gateway, bob, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { flight_id = flightId, seat_num = "14D" }));
        using var mine = await SendAsync(gateway, alice, HttpMethod.Get, "/api/me/reservations");
        using var cancelled = await SendAsync(gateway, alice, HttpMethod.Delete, $"/api/reservations/{flightId}/14D");

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, doubleBooked.StatusCode);
        Assert.Equal("14D", (string?)Assert.Single((await mine.Content.ReadFromJsonAsync<JsonArray>())!)!["seat_num"]);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient gateway, Customer customer, HttpMethod method, string path, HttpContent? content = null) =>
        gateway.SendAsync(new HttpRequestMessage(method, path) { Content = content, Headers = { Authorization = customer.Authorization } });

    /// <summary>The orchestrator removes its containers as it shuts down; a few seconds at most.</summary>
    private async Task AssertGoneAsync(IEnumerable<string> containers)
    {
        var left = containers.ToList();
        for (var attempt = 0; attempt < 30 && left.Count > 0; attempt++)
        {
            left = [.. left.Where(id => ContainerRuntime.Containers($"id={id}").Count > 0)];
            await Task.Delay(TimeSpan.FromMilliseconds(500), _timeout.Token);
        }

        Assert.Empty(left);
    }

    private static async Task WriteAsync(string connectionString, string key, string value)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
        Assert.True(await connection.GetDatabase().StringSetAsync(key, value));
    }

    private static async Task<string?> ReadAsync(string connectionString, string key)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
        return await connection.GetDatabase().StringGetAsync(key);
    }
}

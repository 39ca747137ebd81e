using System.Net;
using Airline.TestSupport;

namespace AppHost.Tests;

public sealed class ReplicaFailureTests
{
    [Fact]
    public async Task The_gateway_keeps_answering_when_a_Flights_Api_replica_is_killed()
    {
        await using var app = await TestApplication.StartAsync<Projects.AppHost>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var gateway = app.CreateHttpClient("gateway");

        app.KillReplica("flights", 0);

        // Passive and active health checks take the dead replica out of rotation; from then on every
        // request is answered by the surviving one.
        const int required = 20;
        var consecutiveSuccesses = 0;
        while (consecutiveSuccesses < required)
        {
            timeout.Token.ThrowIfCancellationRequested();
            using var response = await gateway.GetAsync("/flights?flight_no=AA2532", timeout.Token);
            consecutiveSuccesses = response.StatusCode == HttpStatusCode.OK ? consecutiveSuccesses + 1 : 0;
            if (consecutiveSuccesses == 0)
            {
                await Task.Delay(200, timeout.Token);
            }
        }

        var flights = app.ResourceNotifications.TryGetCurrentState("flights")!;
        Assert.False(flights.Replicas![0].Running);
        Assert.True(flights.Replicas[1].Running);
    }
}

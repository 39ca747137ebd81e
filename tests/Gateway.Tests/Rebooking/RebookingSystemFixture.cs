using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Gateway.Clients;
using Gateway.Rebooking;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Gateway.Tests.Rebooking;

/// <summary>
/// The gateway system of <see cref="GatewaySystemFixture"/>, plus gateways started per test on the same services and
/// Redis: one whose calls to Reservations.Api meet injected faults, and one standing for that gateway restarted.
/// </summary>
public sealed class RebookingSystemFixture : IAsyncLifetime
{
    /// <summary>Short, so that a rebooking abandoned by a test's gateway can be taken over soon.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private readonly List<IAsyncDisposable> _gateways = [];

    public GatewaySystemFixture System { get; } = new();

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await System.InitializeAsync();
        Redis = await ConnectionMultiplexer.ConnectAsync(System.Redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        Redis?.Dispose();
        await System.DisposeAsync();
    }

    /// <summary>
    /// A gateway of its own (fresh circuit breakers and replica health), its calls to Reservations.Api meeting
    /// <paramref name="faults"/>; its recovery looks for abandoned rebookings only when asked.
    /// </summary>
    /// <param name="redis">Where its journal is (the system's Redis unless given).</param>
    /// <param name="lease">How long it owns the rebookings it drives (<see cref="Lease"/> unless given).</param>
    public KestrelServiceFactory<FlightsClient> StartGateway(ReservationsFaults? faults = null, string? redis = null, TimeSpan? lease = null)
    {
        var identity = System.Identity.ServiceDiscoverySetting;
        var gateway = new KestrelServiceFactory<FlightsClient>(
            new Dictionary<string, string?>
            {
                ["services:flights:http:0"] = System.Flights.ToString(),
                ["services:reservations:http:0"] = System.Reservations.ToString(),
                ["ConnectionStrings:redis"] = redis ?? System.Redis.ConnectionString,
                [identity.Key] = identity.Value,
                ["Identity:ClientSecret"] = IdentityService.GatewayClientSecret,
                ["Rebooking:Lease"] = (lease ?? Lease).ToString(),
                ["Rebooking:RecoveryInterval"] = TimeSpan.FromHours(1).ToString(),
                ["Rebooking:ReleaseRetryDelay"] = TimeSpan.FromMilliseconds(100).ToString(),
            },
            services: faults is null
                ? null
                : services => services.AddHttpClient<ReservationsClient>().AddHttpMessageHandler(faults.CreateHandler));
        _gateways.Add(gateway);
        _ = gateway.BaseAddress;
        return gateway;
    }

    internal static RebookingRecovery RecoveryOf(KestrelServiceFactory<FlightsClient> gateway) =>
        gateway.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RebookingRecovery>().Single();
}

using Airline.TestSupport;
using Airline.TestSupport.Servers;
using Flights.Api.Data;

namespace Flights.Api.Tests.Support;

/// <summary>Flights.Api on real Kestrel, configured as the app model configures it.</summary>
internal static class FlightsService
{
    public static KestrelServiceFactory<FlightsContext> Create(MySqlServer server, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [$"ConnectionStrings:{FlightsContext.ConnectionName}"] = server.GetConnectionString(FlightsContext.ConnectionName),
        });

    /// <summary>A client that talks real HTTP to the service, starting it first if need be.</summary>
    public static HttpClient CreateHttpClient(this KestrelServiceFactory<FlightsContext> service) =>
        new() { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
}

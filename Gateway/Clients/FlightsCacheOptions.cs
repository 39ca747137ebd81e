namespace Gateway.Clients;

/// <summary>
/// The <c>FlightsCache</c> section: how long the gateway keeps a flight or a seat map it read from
/// Flights.Api, and how many it keeps at most. A change made in MySQL reaches the gateway after at most
/// <see cref="Expiry"/> plus Flights.Api's own <c>ReadCache:Expiry</c> (30 s + 5 s by default). A flight or
/// seat map that does not exist is never kept: a booking for it is refused every time.
/// </summary>
public sealed class FlightsCacheOptions
{
    public const string SectionName = "FlightsCache";

    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Flights and seat maps together; beyond it the least recently used are dropped first.</summary>
    public int MaxEntries { get; set; } = 20_000;
}

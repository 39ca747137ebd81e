using Flights.Api.Model;

namespace Flights.Api.Apis;

public sealed record SeatMapResponse(string FlightNo, IReadOnlyList<Cabin> Cabins)
{
    public static SeatMapResponse From(SeatMap seatMap) => new(seatMap.FlightNo, seatMap.Layout.Cabins);
}

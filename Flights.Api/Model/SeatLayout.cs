namespace Flights.Api.Model;

public sealed record SeatLayout(IReadOnlyList<Cabin> Cabins);

public sealed record Cabin(string CabinClass, IReadOnlyList<SeatRow> Rows);

public sealed record SeatRow(int Row, IReadOnlyList<Seat> Seats);

public sealed record Seat(string SeatNum, IReadOnlyList<SeatFeature> Features);

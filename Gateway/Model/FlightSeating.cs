namespace Gateway.Model;

/// <summary>A flight and the seat numbers of each cabin of its aircraft, as Flights.Api's <c>/flights/seating</c> describes them.</summary>
public sealed record FlightSeating(Flight Flight, IReadOnlyList<CabinSeats> Cabins);

public sealed record CabinSeats(string CabinClass, IReadOnlyList<string> Seats);

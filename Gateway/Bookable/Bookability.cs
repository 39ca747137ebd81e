using Gateway.Model;

namespace Gateway.Bookable;

/// <summary>What <see cref="BookableSeats"/> found: the seats can be booked, or the first thing that stops them.</summary>
public abstract record Bookability
{
    public sealed record Bookable(Flight Flight) : Bookability;

    public sealed record FlightNotFound : Bookability;

    public sealed record Departed(Flight Flight) : Bookability;

    public sealed record NoSeatMap(Flight Flight) : Bookability;

    public sealed record SeatsNotOnMap(Flight Flight, IReadOnlyList<string> Seats) : Bookability;
}

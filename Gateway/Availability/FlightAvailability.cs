using Gateway.Model;

namespace Gateway.Availability;

/// <summary>
/// A flight with how many of its seats nobody has reserved or holds, in all and cabin by cabin (cheapest first),
/// and the cheapest cabin with room for the whole party (null when the party would have to split up).
/// </summary>
public sealed record FlightAvailability(
    Flight Flight,
    int SeatsTotal,
    int SeatsAvailable,
    string? CheapestCabin,
    IReadOnlyList<CabinAvailability> Cabins);

public sealed record CabinAvailability(string CabinClass, int SeatsTotal, int SeatsAvailable);

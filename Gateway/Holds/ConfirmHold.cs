using Gateway.Clients;
using Gateway.Departures;
using Gateway.Model;

namespace Gateway.Holds;

/// <summary>
/// Confirming a hold of the signed-in customer: Reservations.Api says whose it is and whether it is still held; a
/// held hold of a flight that has departed is refused; otherwise Reservations.Api turns it into reservations.
/// </summary>
public sealed class ConfirmHold(FlightsClient flights, ReservationsClient reservations, DepartureCheck departures)
{
    public async Task<ServiceReply<HoldConfirmation>> RunAsync(string holdId, CancellationToken cancellationToken)
    {
        var stored = await reservations.GetHoldAsync(holdId, cancellationToken);
        if (stored.Value is not { } hold)
        {
            return new ServiceReply<HoldConfirmation>(stored.Status, null, stored.Problem);
        }

        if (hold.State == "held"
            && Guid.TryParse(hold.Hold.FlightId, out var flightId)
            && await flights.GetFlightAsync(flightId, cancellationToken) is { } flight
            && departures.HasDeparted(flight))
        {
            return ServiceReply.Refused<HoldConfirmation>(DepartureCheck.Refusal(flight));
        }

        return await reservations.ConfirmHoldAsync(holdId, cancellationToken);
    }
}

using System.Net;
using Gateway.Bookable;
using Gateway.Clients;
using Gateway.Departures;
using Gateway.Model;
using Microsoft.Extensions.Options;

namespace Gateway.Rebooking;

/// <summary>
/// Moves a customer's reservation to another seat, on the same or another flight, so that they end with exactly one
/// of the two: reserve the new seat, then release the original. Each step is recorded in the journal before it is
/// taken, and the step recorded decides how an interrupted rebooking ends: until the new seat is known to be the
/// customer's it is compensated (the new seat released, the original kept); from then on it is finished (the
/// original released). What this request cannot finish, <see cref="RebookingRecovery"/> finishes on any replica.
/// Seats are reserved and released with the gateway's own token in the customer's name, so that the recovery,
/// which has no customer's token, does exactly what the request would have done.
/// </summary>
public sealed partial class RebookingSaga(
    BookableSeats bookable,
    FlightsClient flights,
    ReservationsClient reservations,
    DepartureCheck departures,
    RebookingJournal journal,
    IOptions<RebookingOptions> options,
    ILogger<RebookingSaga> logger)
{
    public async Task<RebookingResult> RebookAsync(string customerId, Reservation original, Reservation requested, CancellationToken cancellationToken)
    {
        if (original.FlightId == requested.FlightId && original.SeatNum == requested.SeatNum)
        {
            return new RebookingResult(RebookingOutcome.SameSeat);
        }

        var holders = await reservations.GetReservationsAsync(Guid.Parse(original.FlightId), cancellationToken);
        if (!holders.TryGetValue(original.SeatNum, out var holder))
        {
            return new RebookingResult(RebookingOutcome.ReservationNotFound);
        }

        if (holder != customerId)
        {
            return new RebookingResult(RebookingOutcome.NotYours);
        }

        var bookability = await bookable.CheckAsync(Guid.Parse(requested.FlightId), [requested.SeatNum], cancellationToken);
        if (bookability is Bookability.FlightNotFound)
        {
            return new RebookingResult(RebookingOutcome.FlightNotFound);
        }

        // The reservation's own flight must not have left either, and is named first when both have.
        if (original.FlightId != requested.FlightId
            && await flights.GetFlightAsync(Guid.Parse(original.FlightId), cancellationToken) is { } originalFlight
            && departures.HasDeparted(originalFlight))
        {
            return Departed(originalFlight);
        }

        if (bookability is not Bookability.Bookable { Flight: var flight })
        {
            return bookability is Bookability.Departed departed ? Departed(departed.Flight) : new RebookingResult(RebookingOutcome.SeatNotFound);
        }

        // A compensation releases the new seat: it must not be one the customer held before.
        var requestedHolders = requested.FlightId == original.FlightId
            ? holders
            : await reservations.GetReservationsAsync(flight.FlightId, cancellationToken);
        if (requestedHolders.GetValueOrDefault(requested.SeatNum) == customerId)
        {
            return new RebookingResult(RebookingOutcome.AlreadyYours);
        }

        // From here on the rebooking runs to its end even if the customer hangs up: stopping half-way helps nobody.
        var rebooking = RebookingRecord.Start(customerId, original, requested);
        using var activity = RebookingTelemetry.Start("rebook", rebooking);
        try
        {
            if (!await journal.TryBeginAsync(rebooking))
            {
                return new RebookingResult(RebookingOutcome.InProgress);
            }
        }
        catch (DependencyUnavailableException)
        {
            RebookingTelemetry.Failed(activity, "Redis did not confirm the rebooking's beginning; no seat was changed.");
            await EndUnconfirmedBeginningAsync(rebooking);
            return new RebookingResult(RebookingOutcome.Unavailable, rebooking);
        }

        return await ReserveNewSeatAsync(rebooking);
    }

    private static RebookingResult Departed(Flight flight) =>
        new(RebookingOutcome.FlightDeparted, Refusal: DepartureCheck.Refusal(flight));

    /// <summary>
    /// A beginning whose answer timed out may still have been recorded, locking the original seat until the recovery
    /// ends it (a lease and a recovery interval later): end it now, as kept. If Redis cannot say, the recovery does.
    /// </summary>
    private async Task EndUnconfirmedBeginningAsync(RebookingRecord rebooking)
    {
        try
        {
            await journal.TryFinishAsync(rebooking, RebookingStep.KeptOriginal);
        }
        catch (DependencyUnavailableException)
        {
            // Not recorded, or recorded and left to the recovery: either way no seat was changed.
        }
    }

    /// <summary>Ends a rebooking whose owner stopped before its end, from the step its journal recorded.</summary>
    public async Task<RebookingResult> ResumeAsync(RebookingRecord rebooking)
    {
        using var activity = RebookingTelemetry.Start("resume rebooking", rebooking);
        LogResuming(logger, rebooking.Id, rebooking.Step);
        return rebooking.Step == RebookingStep.ReleasingOriginal
            ? await ReleaseOriginalSeatAsync(rebooking, attempts: 1)
            : await CompensateAsync(rebooking, RebookingOutcome.Unavailable);
    }

    private async Task<RebookingResult> ReserveNewSeatAsync(RebookingRecord rebooking)
    {
        ServiceReply<Reservation>? reply = null;
        using (var step = RebookingTelemetry.Start("reserve new seat", rebooking))
        {
            try
            {
                reply = await reservations.ReserveForCustomerAsync(rebooking.Requested, CancellationToken.None);
            }
            catch (DependencyUnavailableException)
            {
                RebookingTelemetry.Failed(step, "Reservations.Api did not answer.");
            }
        }

        if (reply is null)
        {
            // Whether the seat was reserved is not known: release it to be sure.
            return await CompensateAsync(rebooking, RebookingOutcome.Unavailable);
        }

        if (reply.Status is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            // Refused, so certainly not reserved: there is nothing to undo.
            await TryFinishAsync(rebooking, RebookingStep.KeptOriginal);
            return new RebookingResult(RebookingOutcome.SeatTaken, rebooking, reply.Problem);
        }

        if (!await TryMoveAsync(rebooking, RebookingStep.ReleasingOriginal))
        {
            // Not recorded, so a recovery would compensate: do the same.
            return await CompensateAsync(rebooking, RebookingOutcome.Unavailable);
        }

        await Task.Delay(options.Value.PauseBeforeReleasingOriginal);
        return await ReleaseOriginalSeatAsync(rebooking with { Step = RebookingStep.ReleasingOriginal }, options.Value.ReleaseAttempts);
    }

    private async Task<RebookingResult> ReleaseOriginalSeatAsync(RebookingRecord rebooking, int attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var step = RebookingTelemetry.Start("release original seat", rebooking);
            step?.SetTag("rebooking.attempt", attempt);
            if (await TryReleaseAsync(rebooking.Original))
            {
                await TryFinishAsync(rebooking, RebookingStep.Rebooked);
                return new RebookingResult(RebookingOutcome.Rebooked, rebooking);
            }

            RebookingTelemetry.Failed(step, "Reservations.Api did not release the original seat.");
            if (attempt >= attempts)
            {
                await LeaveToRecoveryAsync(rebooking);
                return new RebookingResult(RebookingOutcome.RebookedReleasingOriginal, rebooking);
            }

            await Task.Delay(options.Value.ReleaseRetryDelay);
        }
    }

    private async Task<RebookingResult> CompensateAsync(RebookingRecord rebooking, RebookingOutcome outcome)
    {
        using var step = RebookingTelemetry.Start("compensate: release new seat", rebooking);
        // A journal that cannot record the compensation still says reserving_new, which a recovery compensates too.
        if (rebooking.Step != RebookingStep.ReleasingNew)
        {
            await TryMoveAsync(rebooking, RebookingStep.ReleasingNew);
        }

        if (await TryReleaseAsync(rebooking.Requested))
        {
            await TryFinishAsync(rebooking, RebookingStep.KeptOriginal);
        }
        else
        {
            RebookingTelemetry.Failed(step, "Reservations.Api did not release the new seat.");
            await LeaveToRecoveryAsync(rebooking);
        }

        return new RebookingResult(outcome, rebooking);
    }

    /// <summary>
    /// A seat this process could not release is left to the recovery of any replica, at once: one that reaches
    /// Reservations.Api need not wait out this process's lease.
    /// </summary>
    private async Task LeaveToRecoveryAsync(RebookingRecord rebooking)
    {
        LogReleasePending(logger, rebooking.Id);
        try
        {
            await journal.GiveBackAsync(rebooking);
        }
        catch (DependencyUnavailableException)
        {
            // The lease then runs out on its own.
        }
    }

    /// <returns>
    /// true when the seat is not the customer's any more: released now, not reserved (released before, or never
    /// reserved), or another customer's; false when Reservations.Api could not say.
    /// </returns>
    private async Task<bool> TryReleaseAsync(Reservation seat)
    {
        try
        {
            var reply = await reservations.ReleaseForCustomerAsync(seat, CancellationToken.None);
            return reply.Status is HttpStatusCode.NoContent or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Conflict;
        }
        catch (DependencyUnavailableException)
        {
            return false;
        }
    }

    /// <returns>false when Redis did not record the step or another replica took the rebooking over.</returns>
    private async Task<bool> TryMoveAsync(RebookingRecord rebooking, RebookingStep step)
    {
        try
        {
            return await journal.TryMoveAsync(rebooking, step);
        }
        catch (DependencyUnavailableException)
        {
            return false;
        }
    }

    /// <summary>An end the journal does not record is reached again by the recovery, whose steps are all safe to repeat.</summary>
    private async Task TryFinishAsync(RebookingRecord rebooking, RebookingStep outcome)
    {
        try
        {
            await journal.TryFinishAsync(rebooking, outcome);
        }
        catch (DependencyUnavailableException)
        {
            LogFinishNotRecorded(logger, rebooking.Id, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming rebooking {RebookingId} at step {Step}")]
    private static partial void LogResuming(ILogger logger, string rebookingId, RebookingStep step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebooking {RebookingId}: a seat could not be released yet; the recovery will release it")]
    private static partial void LogReleasePending(ILogger logger, string rebookingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebooking {RebookingId} ended {Outcome} but Redis did not record it; the recovery will end it again")]
    private static partial void LogFinishNotRecorded(ILogger logger, string rebookingId, RebookingStep outcome);
}

using System.Collections.Concurrent;

namespace Gateway.Tests.Rebooking;

/// <summary>What happens to a call of the gateway to Reservations.Api at an injected fault.</summary>
public enum Fault
{
    /// <summary>Reservations.Api (or its Redis) cannot be reached: the call does nothing.</summary>
    Unreachable,

    /// <summary>The call does its work but the answer never comes back, as when a connection dies mid-answer.</summary>
    AnswerLost,

    /// <summary>The gateway process dies just before the call.</summary>
    CrashBeforeCall,

    /// <summary>The gateway process dies just after the call did its work.</summary>
    CrashAfterCall,
}

/// <summary>The faults armed for a gateway's calls to Reservations.Api, by method and seat.</summary>
public sealed class ReservationsFaults
{
    private readonly ConcurrentDictionary<(HttpMethod Method, string SeatNum), Fault> _armed = new();

    /// <summary>Every matching call, retries included, meets <paramref name="fault"/>.</summary>
    public void Arm(HttpMethod method, string seatNum, Fault fault) => _armed[(method, seatNum)] = fault;

    public DelegatingHandler CreateHandler() => new Handler(this);

    /// <summary>Innermost in the typed client's pipeline: the gateway's resilience handlers see the fault as a network failure would look.</summary>
    private sealed class Handler(ReservationsFaults faults) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var seat = await SeatOfAsync(request, cancellationToken);
            if (seat is null || !faults._armed.TryGetValue((request.Method, seat), out var fault))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            if (fault is Fault.Unreachable)
            {
                throw new HttpRequestException($"Injected: {request.Method} of seat {seat} could not reach Reservations.Api.");
            }

            if (fault is Fault.CrashBeforeCall)
            {
                throw new GatewayCrashedException();
            }

            (await base.SendAsync(request, cancellationToken)).Dispose();
            throw fault is Fault.AnswerLost
                ? new HttpRequestException($"Injected: the answer to {request.Method} of seat {seat} was lost.")
                : new GatewayCrashedException();
        }

        private static async Task<string?> SeatOfAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Delete)
            {
                return Uri.UnescapeDataString(request.RequestUri!.AbsolutePath.Split('/')[^1]);
            }

            if (request.Method == HttpMethod.Put && request.Content is not null)
            {
                var body = System.Text.Json.Nodes.JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
                return (string?)body?["seat_num"];
            }

            return null;
        }
    }
}

/// <summary>Stands for the gateway process dying at that point: nothing after it in the saga runs.</summary>
public sealed class GatewayCrashedException() : Exception("Injected: the gateway died here.");

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reservations.Api.Tests;

[Collection(ReservationsServiceCollection.Name)]
public sealed class HoldConcurrencyTests(ReservationsServiceFixture service)
{
    private const int Holds = 100;
    private const int DirectReservations = 30;

    private static readonly string[] Seats = [.. from row in Enumerable.Range(1, 4) from letter in "ABCDE" select $"{row}{letter}"];

    private readonly HoldsCalls _calls = new(service, service.Anonymous);
    private readonly string _flight = $"AA{Guid.NewGuid():N}";

    [Fact]
    public async Task Of_100_simultaneous_overlapping_holds_and_30_reservations_no_seat_is_in_two_holds_or_held_and_reserved()
    {
        var random = new Random(11);
        var holdRequests = Enumerable.Range(0, Holds)
            .Select(i => (Customer: $"holder-{i}", Seats: Seats.Skip(random.Next(Seats.Length - 2)).Take(3).ToArray()))
            .ToArray();
        var reserveRequests = Enumerable.Range(0, DirectReservations)
            .Select(i => (Customer: $"booker-{i}", Seat: Seats[random.Next(Seats.Length)]))
            .ToArray();

        var holds = holdRequests.Select(request => _calls.HoldAsync(request.Customer, _flight, request.Seats)).ToArray();
        var reservations = reserveRequests.Select(request => _calls.ReserveAsync(request.Customer, _flight, request.Seat)).ToArray();
        await Task.WhenAll([.. holds, .. reservations]);

        var heldSeats = new List<string>();
        var winningHolds = new List<(string Customer, string HoldId, string[] Seats)>();
        for (var i = 0; i < Holds; i++)
        {
            using var response = await holds[i];
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                heldSeats.AddRange(holdRequests[i].Seats);
                winningHolds.Add((holdRequests[i].Customer, body.GetProperty("hold_id").GetString()!, holdRequests[i].Seats));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                var taken = body.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()!).ToArray();
                Assert.NotEmpty(taken);
                Assert.Subset(holdRequests[i].Seats.ToHashSet(), taken.ToHashSet());
            }
        }

        var reservedSeats = new Dictionary<string, string>();
        for (var i = 0; i < DirectReservations; i++)
        {
            using var response = await reservations[i];
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                reservedSeats.Add(reserveRequests[i].Seat, reserveRequests[i].Customer);
            }
        }

        Assert.Equal(heldSeats.Count, heldSeats.Distinct().Count());
        Assert.Empty(heldSeats.Intersect(reservedSeats.Keys));
        Assert.NotEmpty(winningHolds);
        var stored = await _calls.TakenSeatsAsync(_flight);
        Assert.Equal(heldSeats.Order(StringComparer.Ordinal), stored.Held);
        Assert.Equal(reservedSeats, stored.Reserved);

        await ConfirmingEveryWinnerWhileOthersBookReservesExactlyTheirSeatsAsync(winningHolds, reservedSeats);
    }

    private async Task ConfirmingEveryWinnerWhileOthersBookReservesExactlyTheirSeatsAsync(
        List<(string Customer, string HoldId, string[] Seats)> winningHolds, Dictionary<string, string> reservedSeats)
    {
        var confirms = winningHolds.Select(hold => _calls.ConfirmAsync(hold.Customer, hold.HoldId)).ToArray();
        var latecomers = Seats.Select(seat => _calls.ReserveAsync("latecomer", _flight, seat)).ToArray();
        await Task.WhenAll([.. confirms, .. latecomers]);

        foreach (var confirm in confirms)
        {
            using var response = await confirm;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var expected = new Dictionary<string, string>(reservedSeats);
        foreach (var hold in winningHolds)
        {
            foreach (var seat in hold.Seats)
            {
                expected.Add(seat, hold.Customer);
            }

            Assert.Equal(hold.Seats.Select(seat => (_flight, seat)).Order(), (await _calls.CustomerReservationsAsync(hold.Customer)).Order());
        }

        foreach (var seat in Seats.Except(expected.Keys))
        {
            expected.Add(seat, "latecomer");
        }

        var stored = await _calls.TakenSeatsAsync(_flight);
        Assert.Equal(expected, stored.Reserved);
        Assert.Empty(stored.Held);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MySqlConnector;

namespace Gateway.Tests;

/// <summary>
/// The gateway keeps flights and seat maps for a documented while: a change made in MySQL is seen once it
/// has passed, and something that does not exist is never kept.
/// </summary>
public sealed class FlightsCacheExpiryTests(ShortCacheSystemFixture system) : IClassFixture<ShortCacheSystemFixture>
{
    /// <summary>Room for a request's own time on a busy machine, on top of the documented expiry.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    private readonly HttpClient _gateway = system.Gateway;

    [Fact]
    public async Task A_seat_removed_from_the_seat_map_in_MySQL_is_gone_from_the_seat_chart_and_refused_within_the_expiry()
    {
        var flightId = await FlightIdAsync("DL1410", 2);
        Assert.Contains("30F", await SeatNumsAsync(flightId));

        await ExecuteAsync(
            "UPDATE seat_maps SET layout = @layout WHERE flight_no = 'DL1410'",
            ("@layout", WithoutSeat(await ScalarAsync("SELECT layout FROM seat_maps WHERE flight_no = 'DL1410'"), "30F")));

        var seen = await WaitUntilAsync(async () => !(await SeatNumsAsync(flightId)).Contains("30F"));

        Assert.True(seen <= ShortCacheSystemFixture.DocumentedExpiry + Slack, $"seen after {seen}");
        using var booking = await ReserveAsync(flightId, "30F");
        Assert.Equal(HttpStatusCode.NotFound, booking.StatusCode);
    }

    [Fact]
    public async Task A_flight_moved_in_MySQL_shows_its_new_departure_in_the_seat_chart_within_the_expiry()
    {
        var flightId = await FlightIdAsync("AA1677", 3);
        var departure = await DepartureAsync(flightId);

        await ExecuteAsync("UPDATE flights SET departure_time = departure_time + INTERVAL 1 HOUR, arrival_time = arrival_time + INTERVAL 1 HOUR WHERE flight_id = @id",
            ("@id", flightId));

        var seen = await WaitUntilAsync(async () => await DepartureAsync(flightId) == departure.AddHours(1));

        Assert.True(seen <= ShortCacheSystemFixture.DocumentedExpiry + Slack, $"seen after {seen}");
    }

    [Fact]
    public async Task A_flight_deleted_in_MySQL_is_refused_within_the_expiry_and_an_unknown_flight_or_seat_every_time()
    {
        var flightId = await FlightIdAsync("LH400", 4);
        using (var booked = await ReserveAsync(flightId, "1A"))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        await ExecuteAsync("DELETE FROM flights WHERE flight_id = @id", ("@id", flightId));

        var seen = await WaitUntilAsync(async () =>
        {
            using var booking = await ReserveAsync(flightId, "2A");
            return booking.StatusCode == HttpStatusCode.NotFound;
        });

        Assert.True(seen <= ShortCacheSystemFixture.DocumentedExpiry + Slack, $"seen after {seen}");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var unknownFlight = await ReserveAsync(Guid.NewGuid().ToString(), "1A");
            using var unknownSeat = await ReserveAsync(await FlightIdAsync("LH400", 5), "99K");
            Assert.Equal(HttpStatusCode.NotFound, unknownFlight.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknownSeat.StatusCode);
        }
    }

    private async Task<string> FlightIdAsync(string flightNo, int day) =>
        (string)(await _gateway.GetFromJsonAsync<JsonArray>($"/flights?flight_no={flightNo}"))![day]!["flight_id"]!;

    private async Task<HashSet<string>> SeatNumsAsync(string flightId)
    {
        var chart = await _gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats");
        return [.. chart!["seat_map"]!["cabins"]!.AsArray()
            .SelectMany(cabin => cabin!["rows"]!.AsArray())
            .SelectMany(row => row!["seats"]!.AsArray())
            .Select(seat => (string)seat!["seat_num"]!)];
    }

    private async Task<DateTime> DepartureAsync(string flightId) =>
        (DateTime)(await _gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats"))!["flight"]!["departure_time"]!;

    private Task<HttpResponseMessage> ReserveAsync(string flightId, string seatNum) =>
        _gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = JsonContent.Create(new { flight_id = flightId, seat_num = seatNum }),
            Headers = { Authorization = system.Customer.Authorization },
        });

    /// <summary>How long until <paramref name="changed"/> holds; fails once twice the documented expiry and the slack have passed.</summary>
    private static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> changed)
    {
        var waiting = Stopwatch.StartNew();
        while (!await changed())
        {
            Assert.True(waiting.Elapsed < 2 * (ShortCacheSystemFixture.DocumentedExpiry + Slack), $"not seen after {waiting.Elapsed}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return waiting.Elapsed;
    }

    private static string WithoutSeat(string layout, string seatNum)
    {
        var root = JsonNode.Parse(layout)!;
        foreach (var seats in root["cabins"]!.AsArray().SelectMany(cabin => cabin!["rows"]!.AsArray()).Select(row => row!["seats"]!.AsArray()))
        {
            seats.RemoveAll(seat => (string)seat!["seat_num"]! == seatNum);
        }

        return root.ToJsonString();
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(system.FlightsDbConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(system.FlightsDbConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}

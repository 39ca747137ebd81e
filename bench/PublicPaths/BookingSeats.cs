using System.Globalization;
using System.Text;
using System.Text.Json;
using MySqlConnector;

namespace PublicPaths;

/// <summary>
/// Unique, valid seats of real flights for the booking load: flightsdb gets more flight numbers and flights
/// (so there are enough seats), every seat of every flight is listed from Flights.Api's seat maps,
/// shuffled once, and handed out without repeats.
/// </summary>
internal sealed class BookingSeats
{
    private readonly List<(string FlightId, string SeatNum)> _seats;
    private int _next;

    private BookingSeats(List<(string FlightId, string SeatNum)> seats) => _seats = seats;

    public int Remaining => _seats.Count - _next;

    /// <param name="extraFlightNumbers">
    /// Flight numbers added (ZB100, ZB101 …), each a copy of a demo route and its seat map flying daily for
    /// <paramref name="days"/> days: the demo flight numbers keep their 30 flights, so their reads stay as they were.
    /// </param>
    public static async Task<BookingSeats> PrepareAsync(RunningSystem system, HttpClient flights, int extraFlightNumbers, int days)
    {
        await using var connection = new MySqlConnection(system.FlightsDbConnectionString);
        await connection.OpenAsync();
        await using (var extend = connection.CreateCommand())
        {
            extend.CommandText = $"""
                CREATE TEMPORARY TABLE demo_routes AS
                  SELECT ROW_NUMBER() OVER (ORDER BY flight_no) - 1 AS route, flight_no, origin_code, destination_code, departure_time, arrival_time
                  FROM flights WHERE departure_time < (SELECT MIN(departure_time) FROM flights) + INTERVAL 1 DAY;
                INSERT INTO seat_maps (flight_no, layout)
                  SELECT CONCAT('ZB', 100 + n.seq), s.layout
                  FROM seq_0_to_{extraFlightNumbers - 1} n
                  JOIN demo_routes r ON r.route = n.seq % (SELECT COUNT(*) FROM demo_routes)
                  JOIN seat_maps s ON s.flight_no = r.flight_no;
                INSERT INTO flights (flight_id, flight_no, origin_code, destination_code, departure_time, arrival_time)
                  SELECT UUID(), CONCAT('ZB', 100 + n.seq), r.origin_code, r.destination_code,
                         r.departure_time + INTERVAL d.seq DAY, r.arrival_time + INTERVAL d.seq DAY
                  FROM seq_0_to_{extraFlightNumbers - 1} n
                  JOIN demo_routes r ON r.route = n.seq % (SELECT COUNT(*) FROM demo_routes)
                  JOIN seq_0_to_{days - 1} d;
                """;
            await extend.ExecuteNonQueryAsync();
        }

        var flightsByNumber = new Dictionary<string, List<string>>();
        await using (var list = connection.CreateCommand())
        {
            // A flight that has departed cannot be booked through the gateway.
            list.CommandText = "SELECT flight_id, flight_no FROM flights WHERE departure_time > UTC_TIMESTAMP() + INTERVAL 1 HOUR";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var flightNo = reader.GetString(1);
                if (!flightsByNumber.TryGetValue(flightNo, out var ids))
                {
                    flightsByNumber[flightNo] = ids = [];
                }

                ids.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
            }
        }

        var seats = new List<(string, string)>();
        foreach (var (flightNo, flightIds) in flightsByNumber)
        {
            var seatNums = await SeatNumbersAsync(flights, flightNo);
            seats.AddRange(from flightId in flightIds from seatNum in seatNums select (flightId, seatNum));
        }

        var shuffled = seats.ToArray();
        new Random(8).Shuffle(shuffled);
        return new BookingSeats([.. shuffled]);
    }

    /// <summary>
    /// Writes one file of booking bodies per wrk thread (<c>{prefix}-{n}.txt</c>), <paramref name="perThread"/>
    /// seats each, none used before.
    /// </summary>
    public void WriteBodies(string prefix, int threads, int perThread, string customerId)
    {
        for (var thread = 0; thread < threads; thread++)
        {
            var bodies = new StringBuilder();
            var count = Math.Min(perThread, Remaining);
            for (var i = 0; i < count; i++)
            {
                var (flightId, seatNum) = _seats[_next++];
                bodies.Append(CultureInfo.InvariantCulture,
                    $$"""{"flight_id":"{{flightId}}","seat_num":"{{seatNum}}","customer_id":"{{customerId}}"}""").Append('\n');
            }

            File.WriteAllText($"{prefix}-{thread}.txt", bodies.ToString());
        }
    }

    private static async Task<List<string>> SeatNumbersAsync(HttpClient flights, string flightNo)
    {
        using var seatMap = JsonDocument.Parse(await flights.GetStringAsync($"/flights/{flightNo}/seat_map"));
        return [.. from cabin in seatMap.RootElement.GetProperty("cabins").EnumerateArray()
                   from row in cabin.GetProperty("rows").EnumerateArray()
                   from seat in row.GetProperty("seats").EnumerateArray()
                   select seat.GetProperty("seat_num").GetString()!];
    }
}

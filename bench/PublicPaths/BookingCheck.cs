using System.Text.Json;
using StackExchange.Redis;

namespace PublicPaths;

/// <summary>Checks that every booking answered 201 is held in Redis, by the customer who booked it.</summary>
internal static class BookingCheck
{
    /// <returns>How many 201s the files list, and how many of those Redis does not hold as answered.</returns>
    public static async Task<(int Created, int Missing)> VerifyAsync(string redisConnectionString, IEnumerable<string> createdFiles)
    {
        var bookings = createdFiles
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(body => (FlightId: body.GetProperty("flight_id").GetString()!, SeatNum: body.GetProperty("seat_num").GetString()!,
                CustomerId: body.GetProperty("customer_id").GetString()!))
            .ToList();

        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var database = redis.GetDatabase();
        var holders = await Task.WhenAll(bookings.Select(b => database.HashGetAsync($"flights:{b.FlightId}", b.SeatNum)));
        var missing = bookings.Where((booking, i) => holders[i] != booking.CustomerId).Count();
        return (bookings.Count, missing);
    }
}

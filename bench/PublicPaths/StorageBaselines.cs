using System.Globalization;
using MySqlConnector;

namespace PublicPaths;

/// <summary>What the storage behind the services does on its own, measured by its own tools.</summary>
internal static class StorageBaselines
{
    /// <summary><c>redis-benchmark</c> HSETNX at the same concurrency, on a key of its own; answers ops/s, p50 ms, p99 ms, max ms.</summary>
    public static async Task<(double PerSecond, double P50, double P99, double Max)> RedisHsetnxAsync(string connectionString, int connections, int requests)
    {
        var (host, port, password) = ParseRedis(connectionString);
        var csv = await Tool.RunAsync("redis-benchmark",
        [
            "-h", host, "-p", port, "-a", password, "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-n", requests.ToString(CultureInfo.InvariantCulture), "-r", "1000000", "--csv",
            "hsetnx", "bench:hsetnx", "seat:__rand_int__", "customer",
        ], TimeSpan.FromMinutes(1));
        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        var fields = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(',').Select(f => f.Trim('"')).ToArray();
        return (Number(fields[1]), Number(fields[4]), Number(fields[6]), Number(fields[7]));
    }

    /// <summary>The seat-map SELECT Flights.Api runs, by <c>mariadb-slap</c> at the same concurrency; answers queries/s.</summary>
    public static async Task<double> SeatMapSelectAsync(MySqlConnectionStringBuilder flightsDb, int connections, int queries)
    {
        var output = await Tool.RunAsync("mariadb-slap",
        [
            $"--host={flightsDb.Server}", $"--port={flightsDb.Port}", $"--user={flightsDb.UserID}", $"--password={flightsDb.Password}",
            $"--create-schema={flightsDb.Database}", "--no-drop", "--iterations=1",
            $"--concurrency={connections}", $"--number-of-queries={queries}",
            "--query=SELECT `s`.`flight_no`, `s`.`layout` FROM `seat_maps` AS `s` WHERE `s`.`flight_no` = 'AA2532' LIMIT 1",
        ], TimeSpan.FromMinutes(1));
        var line = output.Split('\n').First(l => l.Contains("Average number of seconds to run all queries", StringComparison.Ordinal));
        var seconds = Number(line.Split(':')[1].Trim().Split(' ')[0]);
        return queries / seconds;
    }

    private static (string Host, string Port, string Password) ParseRedis(string connectionString)
    {
        var parts = connectionString.Split(',');
        var endpoint = parts[0].Split(':');
        var password = parts.Skip(1).Select(p => p.Split('=', 2)).First(p => p[0] == "password")[1];
        return (endpoint[0], endpoint[1], password);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

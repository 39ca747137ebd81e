using System.Text.Json;

namespace PublicPaths;

/// <summary>What one wrk run printed on its <c>WRK {json}</c> line (bench/wrk/*.lua).</summary>
internal sealed record WrkFigures(long Requests, long DurationUs, long P50Us, long P99Us, long MaxUs, long Non2xx, long Created, long Other2xx)
{
    public double RequestsPerSecond => Requests / (DurationUs / 1e6);
}

/// <summary>Drives Debian's wrk on loopback: a warm-up run whose figures are dropped, then the measured run.</summary>
internal sealed class Wrk(string scriptsDirectory, int threads, int connections)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public int Threads => threads;

    public async Task<WrkFigures> GetAsync(Uri url, TimeSpan duration, IEnumerable<string>? headers = null) =>
        await RunAsync("get.lua", url, duration, headers ?? [], []);

    /// <param name="bodiesPrefix">Written by <see cref="BookingSeats.WriteBodies"/>.</param>
    /// <param name="accessToken">The booking customer's token (the bodies name that customer).</param>
    public async Task<WrkFigures> BookAsync(Uri baseUrl, string method, string path, string bodiesPrefix, string accessToken, TimeSpan duration) =>
        await RunAsync("book.lua", baseUrl, duration, [], [bodiesPrefix, method, path, accessToken]);

    private async Task<WrkFigures> RunAsync(string script, Uri url, TimeSpan duration, IEnumerable<string> headers, IEnumerable<string> scriptArguments)
    {
        var arguments = new List<string>
        {
            $"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "5s",
            "-s", Path.Combine(scriptsDirectory, script),
        };
        foreach (var header in headers)
        {
            arguments.AddRange(["-H", header]);
        }

        arguments.Add(url.ToString());
        arguments.Add("--");
        arguments.AddRange(scriptArguments);

        var output = await Tool.RunAsync("wrk", arguments, duration + TimeSpan.FromSeconds(30));
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK ", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"wrk printed no figures:\n{output}");
        return JsonSerializer.Deserialize<WrkFigures>(line[4..], Json)!;
    }
}

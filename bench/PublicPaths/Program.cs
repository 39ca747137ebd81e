using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PublicPaths;

// Issue 8's benchmark of the public paths: starts the AppHost's model through Aspire's testing builder (this build's
// configuration, run `make bench` for Release), warms each path up, measures it with wrk from its own process on
// loopback against each service's own port, and prints one table with same-run baselines and the ratio targets;
// writes the figures to bench/results/latest.json.
// `-- <repository> hold` starts the system and keeps it up for profiling, printing where everything is.
var repository = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var hold = args.Length > 1 && args[1] == "hold";
var warmUp = TimeSpan.FromSeconds(Seconds("BENCH_WARMUP_SECONDS", 10));
var duration = TimeSpan.FromSeconds(Seconds("BENCH_DURATION_SECONDS", 8));
const int Threads = 2;
const int Connections = 32;
const int MaxBookingsPerSecond = 25_000;
const string Addresses = "wrk talks to each service's own port (ASPNETCORE_URLS), not DCP's proxy in front of it; the gateway reaches Flights.Api's two replicas through DCP's proxy, as under Aspire";
const string Telemetry = "no telemetry exported (the testing builder starts no dashboard; the imitation's runs before Aspire exported to its dashboard)";

var clock = Stopwatch.StartNew();
var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
var work = Directory.CreateTempSubdirectory("airline-bench-").FullName;
var wrk = new Wrk(Path.Combine(repository, "bench", "wrk"), Threads, Connections);
var rows = new List<Row>();

Console.WriteLine($"starting the system through Aspire's testing builder (MariaDB and Redis as local processes) ...");
await using var system = await RunningSystem.StartAsync();
var processes = system.ServiceProcesses;
using var flightsDirect = new HttpClient { BaseAddress = system.FlightsReplicas[0] };
var flight = (await flightsDirect.GetFromJsonAsync<List<FlightRow>>("/flights?flight_no=AA2532", new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }))![0];
var seatMapBytes = await flightsDirect.GetByteArrayAsync("/flights/AA2532/seat_map");
var seats = await BookingSeats.PrepareAsync(system, flightsDirect, extraFlightNumbers: 40, days: 100);
var customer = await BenchCustomer.RegisterAsync(system.Identity);
Console.WriteLine($"system up in {clock.Elapsed.TotalSeconds:0} s; {seats.Remaining:#,0} unique seats of real flights to book; warm-up {warmUp.TotalSeconds} s and {duration.TotalSeconds} s measured per path, wrk -t{Threads} -c{Connections}");
Console.WriteLine($"bookings as one signed-in customer with a bearer token (validated by the gateway and Reservations.Api); {RunningSystem.Limits}");
Console.WriteLine($"{Addresses}; {Telemetry}");

if (hold)
{
    seats.WriteBodies(Path.Combine(work, "bookings"), Threads, 200_000, customer.UserId);
    Console.WriteLine($"""
        gateway {system.Gateway}  reservations {system.Reservations}  flights {string.Join(' ', system.FlightsReplicas)} (DCP's proxy {system.FlightsProxy})
        processes {string.Join(", ", processes.Select(p => $"{p.Key} {string.Join(' ', p.Value)}"))}
        redis {system.RedisConnectionString}
        seat chart /api/flights/{flight.FlightId}/seats; booking bodies {work}/bookings-<thread>.txt
          e.g. wrk -t2 -c32 -d10s -s bench/wrk/book.lua {system.Gateway}api/reservations -- {work}/bookings POST /api/reservations {await customer.AccessTokenAsync()}
        Enter stops it.
        """);
    Console.ReadLine();
    Directory.Delete(work, recursive: true);
    return;
}

await using (var bare = await BareKestrel.StartAsync(seatMapBytes))
{
    await MeasureGetAsync("seat_map_bare_kestrel", $"bare Kestrel: the seat map ({seatMapBytes.Length:#,0} bytes) from memory (ceiling)", bare.Url);
}

// Each storage baseline runs next to the rows it is compared with: the machine's other work changes by the minute.
var select = await StorageBaselines.SeatMapSelectAsync(system.FlightsDb, Connections, 100_000);
rows.Add(new Row("seat_map_select", "baseline: the seat-map SELECT by mariadb-slap -c32", Math.Round(select), null, null, null, null, null));
var seatMapPath = "/flights/AA2532/seat_map";
await MeasureGetAsync("seat_map_direct", $"GET {seatMapPath} on Flights.Api (direct, one replica)", new Uri(system.FlightsReplicas[0], seatMapPath));
await MeasureGetAsync("flight_search_direct", "GET /flights?flight_no=AA2532 on Flights.Api (direct, one replica)", new Uri(system.FlightsReplicas[0], "/flights?flight_no=AA2532"));
await MeasureGetAsync("seat_map_gateway", $"GET {seatMapPath} through the gateway (YARP, DCP's proxy, 2 replicas)", new Uri(system.Gateway, seatMapPath));
await MeasureGetAsync("seat_map_dcp_proxy", $"GET {seatMapPath} through DCP's proxy alone (2 replicas)", new Uri(system.FlightsProxy, seatMapPath));
await using (var nginx = await NginxProxy.StartAsync(system.FlightsReplicas))
{
    await MeasureGetAsync("seat_map_nginx", $"GET {seatMapPath} through Debian nginx (keepalive, 2 replicas)", new Uri(nginx.Url, seatMapPath));
}

await MeasureGetAsync("seat_chart_gateway", "GET /api/flights/{id}/seats (seat chart) through the gateway", new Uri(system.Gateway, $"/api/flights/{flight.FlightId}/seats"));
var redis = await StorageBaselines.RedisHsetnxAsync(system.RedisConnectionString, Connections, 300_000);
rows.Add(new Row("redis_hsetnx", "baseline: redis-benchmark -c32 HSETNX (appendfsync always)", Math.Round(redis.PerSecond), redis.P50, redis.P99, redis.Max, null, null));
await MeasureBookingAsync("reserve_direct", "PUT /reservations on Reservations.Api (direct, unique seats)", system.Reservations, "PUT", "/reservations");
await MeasureBookingAsync("reserve_gateway", "POST /api/reservations through the gateway (unique seats)", system.Gateway, "POST", "/api/reservations");

var peakSinceStart = processes.ToDictionary(p => p.Key, p => Math.Round(p.Value.Max(RssSampler.PeakSinceStartMegabytes)));
var byId = rows.ToDictionary(row => row.Id);
var targets = new List<Target>
{
    Ratio("booking through the gateway / PUT /reservations direct", "reserve_gateway", "reserve_direct", 0.5),
    new("seat chart through the gateway: p99 at 32 connections", byId["seat_chart_gateway"].P99Ms!.Value, " ms", 20, AtMost: true),
    Ratio("seat chart through the gateway / seat map direct (req/s)", "seat_chart_gateway", "seat_map_direct", 0.5),
    Ratio("seat map direct / bare Kestrel", "seat_map_direct", "seat_map_bare_kestrel", 0.5),
    Ratio("GET /flights?flight_no= direct / bare Kestrel", "flight_search_direct", "seat_map_bare_kestrel", 0.5),
    Ratio("gateway proxying the seat map / nginx proxying it", "seat_map_gateway", "seat_map_nginx", 0.9),
    new("gateway proxying the seat map: p50 added over direct", byId["seat_map_gateway"].P50Ms!.Value - byId["seat_map_direct"].P50Ms!.Value, " ms", 1, AtMost: true),
    Ratio("PUT /reservations direct / redis-benchmark HSETNX", "reserve_direct", "redis_hsetnx", 0.5),
};
foreach (var service in processes.Keys)
{
    targets.Add(new($"peak RSS of {service} under load", rows.Where(r => r.PeakRssMb is not null).Max(r => r.PeakRssMb![service]), " MB", 150, AtMost: true));
}

var report = new Report(rows, targets, new Dictionary<string, object>
{
    ["date"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
    ["machine"] = $"{Environment.ProcessorCount} cores, load average {loadBefore} before start, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end",
    ["load"] = $"wrk -t{Threads} -c{Connections}, {warmUp.TotalSeconds} s warm-up then {duration.TotalSeconds} s measured per path",
    ["limits"] = RunningSystem.Limits,
    ["addresses"] = Addresses,
    ["telemetry"] = Telemetry,
    ["peak_rss_since_start_mb"] = peakSinceStart,
    ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds),
});
Console.WriteLine();
Console.Write(report.Table());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"peak RSS since start (VmHWM): {string.Join(", ", peakSinceStart.Select(p => $"{p.Key} {p.Value:0} MB"))}; whole run {clock.Elapsed.TotalSeconds:0} s"));
var jsonPath = Path.Combine(repository, "bench", "results", "latest.json");
await report.WriteJsonAsync(jsonPath);
await File.WriteAllTextAsync(Path.ChangeExtension(jsonPath, ".md"), report.Markdown());
Console.WriteLine($"written to {Path.GetRelativePath(repository, jsonPath)} and its Markdown table to {Path.GetRelativePath(repository, Path.ChangeExtension(jsonPath, ".md"))}");
Directory.Delete(work, recursive: true);

async Task MeasureGetAsync(string id, string path, Uri url)
{
    await wrk.GetAsync(url, warmUp);
    await using var rss = new RssSampler(processes);
    var figures = await wrk.GetAsync(url, duration);
    rows.Add(Row.From(id, path, figures, await rss.StopAsync()));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {path}: {figures.RequestsPerSecond:#,0} req/s"));
}

async Task MeasureBookingAsync(string id, string path, Uri baseUrl, string method, string requestPath)
{
    var perThread = (int)(MaxBookingsPerSecond * duration.TotalSeconds / Threads);
    var warmPrefix = Path.Combine(work, $"{id}-warm");
    var measuredPrefix = Path.Combine(work, id);
    seats.WriteBodies(warmPrefix, Threads, (int)(MaxBookingsPerSecond * warmUp.TotalSeconds / Threads), customer.UserId);
    seats.WriteBodies(measuredPrefix, Threads, perThread, customer.UserId);
    var token = await customer.AccessTokenAsync();

    await wrk.BookAsync(baseUrl, method, requestPath, warmPrefix, token, warmUp);
    await using var rss = new RssSampler(processes);
    var figures = await wrk.BookAsync(baseUrl, method, requestPath, measuredPrefix, token, duration);
    var peakRss = await rss.StopAsync();

    var createdFiles = Directory.EnumerateFiles(work, "*.created").Where(f => Path.GetFileName(f).StartsWith(id, StringComparison.Ordinal));
    var (created, missing) = await BookingCheck.VerifyAsync(system.RedisConnectionString, createdFiles);
    var note = string.Create(CultureInfo.InvariantCulture,
        $"{figures.Created:#,0} answered 201 (+{figures.Other2xx} other 2xx); all {created:#,0} 201s of warm-up and run checked in Redis: {(missing == 0 ? "every one held" : $"{missing} MISSING")}");
    rows.Add(Row.From(id, path, figures, peakRss, note));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {path}: {figures.RequestsPerSecond:#,0} req/s; {note}"));
}

Target Ratio(string description, string id, string baselineId, double limit) =>
    new(description, byId[id].RequestsPerSecond / byId[baselineId].RequestsPerSecond, "x", limit, AtMost: false);

static int Seconds(string variable, int defaultSeconds) =>
    int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var seconds) ? seconds : defaultSeconds;

internal sealed record FlightRow(Guid FlightId);

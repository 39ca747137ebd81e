using System.Diagnostics;
using System.Globalization;

// Measures the AppHost's model (already built) through the testing builder: start → every resource
// healthy, and DisposeAsync → every process it started gone. Prints the figures of each run and the median.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var resources = new[] { "mysql", "flightsdb", "identitydb", "redis", "identity", "flights", "reservations", "gateway" };
var healthy = new List<double>();
var gone = new List<double>();

for (var run = 1; run <= runs; run++)
{
    var clock = Stopwatch.StartNew();
    var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
    var app = await builder.BuildAsync();
    await app.StartAsync();
    foreach (var resource in resources)
    {
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
    }

    healthy.Add(clock.Elapsed.TotalSeconds);
    var children = ChildProcessIds();

    clock.Restart();
    await app.DisposeAsync();
    while (children.Any(IsAlive))
    {
        await Task.Delay(5);
    }

    gone.Add(clock.Elapsed.TotalSeconds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: all {resources.Length} resources healthy in {healthy[^1]:0.00} s ({children.Count} processes); all gone {gone[^1]:0.00} s after DisposeAsync"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median over {runs} runs: start to healthy {Median(healthy):0.00} s (target < 5 s), dispose to gone {Median(gone):0.00} s (target < 1 s)"));

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static List<int> ChildProcessIds()
{
    var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    return [.. Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName)
        .Where(name => name!.All(char.IsAsciiDigit))
        .Select(name => (Id: int.Parse(name!, CultureInfo.InvariantCulture), Stat: TryRead($"/proc/{name}/stat")))
        .Where(process => process.Stat is { } stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == self)
        .Select(process => process.Id)];
}

static bool IsAlive(int processId) => TryRead($"/proc/{processId}/stat") is { } stat && stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';

static string? TryRead(string path)
{
    try
    {
        return File.ReadAllText(path);
    }
    catch (IOException)
    {
        return null;
    }
}

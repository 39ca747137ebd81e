using System.Globalization;
using AppHostStartup;

// Start-up and shut-down of the AppHost's whole model through Aspire's testing builder, over RUNS runs (argument 1).
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
string[] resources = ["mysql", "flightsdb", "identitydb", "redis", "identity", "flights", "reservations", "gateway", "web"];

Console.WriteLine($"""
    AppHost start-up and shut-down on Aspire 13.6 (DCP), {runs} runs, {Environment.ProcessorCount} cores, load average {LoadAverage()} before.
    Started as the whole-system tests start it: TestApplication (DistributedApplicationTestingBuilder, dashboard off), MariaDB
    and Redis as local processes with their data in a fresh temporary folder, Debug or Release services as built.
    "healthy": from CreateAsync until every instance of {string.Join(", ", resources)} is Running and Healthy.
    "gone": from StopAsync + DisposeAsync until they have returned and every process of DCP's tree (its API server, controllers, servers, services) has ended.
    """);

var figures = new List<StartupFigures>();
for (var run = 1; run <= runs; run++)
{
    figures.Add(await StartupRun.MeasureAsync(resources));
    Console.WriteLine(StartupReport.Run(run, figures[^1]));
}

Console.WriteLine();
Console.Write(StartupReport.Medians(figures));
Console.WriteLine($"load average {LoadAverage()} after.");

static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

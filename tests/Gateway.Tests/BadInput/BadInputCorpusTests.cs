using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MySqlConnector;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Gateway.Tests.BadInput;

/// <summary>
/// A generated corpus of malformed requests (fixed seed) per service, straight to Flights.Api and Reservations.Api
/// and through the gateway: no answer is a server error, every error is problem+json without a stack trace, and
/// MySQL and Redis hold exactly what they held before. Requests carry a valid token (a signed-in customer's through
/// the gateway, one for <c>corpus-customer</c> with both reservation scopes straight to Reservations.Api), so they
/// reach validation instead of stopping at 401. It has a system of its own.
/// </summary>
public sealed class BadInputCorpusTests(GatewaySystemFixture system, ITestOutputHelper output) : IClassFixture<GatewaySystemFixture>
{
    private const int RequestsPerService = 1_000;
    private const int Seed = 20261201;

    /// <summary>
    /// Kestrel refuses a request line it cannot parse (a NUL in the path) or that is too long, and oversized headers,
    /// before any middleware runs: with no body, so not as problem+json.
    /// </summary>
    private static readonly HttpStatusCode[] RefusedByTheServerItself =
        [HttpStatusCode.BadRequest, HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge];

    [Theory]
    [InlineData("flights")]
    [InlineData("reservations")]
    [InlineData("gateway")]
    public async Task A_thousand_malformed_requests_get_no_5xx_only_problem_json_and_change_nothing(string service)
    {
        using var direct = new HttpClient { BaseAddress = service == "flights" ? system.Flights : system.Reservations };
        var (client, endpoints) = service switch
        {
            "flights" => (direct, ApiShape.Flights),
            "reservations" => (direct, ApiShape.Reservations),
            _ => (system.Gateway, ApiShape.Gateway),
        };
        var flightId = await FlightIdAsync();
        var token = service == "gateway"
            ? (await system.Identity.SignUpAsync()).AccessToken
            : system.Identity.MintToken(ApiShape.ValidValues(flightId)["customer_id"], "reservations", scopes: "reservations reservations.all");
        var before = await SnapshotAsync();

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var corpus = new MalformedRequests(endpoints, ApiShape.ValidValues(flightId), Seed).Take(RequestsPerService);
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellationToken) =>
        {
            using var message = request.Create();
            message.Headers.Authorization ??= new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            // A body over the services' 1 MB limit is refused before it is sent, as curl and browsers do it.
            message.Headers.ExpectContinue = message.Content is not null;
            using var response = await client.SendAsync(message, cancellationToken);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
            if (Fault(response, await response.Content.ReadAsStringAsync(cancellationToken)) is { } fault)
            {
                failures.Enqueue($"{request.Description}: {fault}");
            }
        });

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.Equal(RequestsPerService, statuses.Values.Sum());
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.Equal(before, await SnapshotAsync());
    }

    private static string? Fault(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status} {Excerpt(body)}";
        }

        if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
        {
            return $"{status} shows an exception: {Excerpt(body)}";
        }

        var isError = status >= 400;
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        var refusedByKestrel = RefusedByTheServerItself.Contains(response.StatusCode) && body.Length == 0 && response.Content.Headers.ContentType is null;
        return isError && !isProblem && !refusedByKestrel
            ? $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Excerpt(body)}"
            : null;
    }

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] : body;

    private async Task<Guid> FlightIdAsync()
    {
        var flights = await system.Gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        // Tomorrow's: today's may have departed, and booking it would be refused before the input is looked at.
        return Guid.Parse((string)flights![1]!["flight_id"]!);
    }

    /// <summary>Every row of every table of the flights database and every field of every Redis hash.</summary>
    private async Task<string> SnapshotAsync()
    {
        var snapshot = new StringBuilder();
        await using (var mysql = new MySqlConnection(system.MySql.GetConnectionString("flightsdb")))
        {
            await mysql.OpenAsync();
            await using var tables = new MySqlCommand(
                "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'flightsdb'", mysql);
            var names = (string)(await tables.ExecuteScalarAsync())!;
            await using var checksum = new MySqlCommand($"CHECKSUM TABLE {names.Replace(",", ", ", StringComparison.Ordinal)}", mysql);
            await using var reader = await checksum.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                snapshot.AppendLine($"{reader.GetString(0)} {reader.GetValue(1)}");
            }
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(system.Redis.ConnectionString);
        var server = redis.GetServers().Single();
        foreach (var key in server.Keys().Select(key => key.ToString()).Order(StringComparer.Ordinal))
        {
            var fields = await redis.GetDatabase().HashGetAllAsync(key);
            snapshot.AppendLine($"{key}: {string.Join(",", fields.Select(f => $"{f.Name}={f.Value}").Order(StringComparer.Ordinal))}");
        }

        return snapshot.ToString();
    }
}

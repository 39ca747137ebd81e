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
/// A generated corpus of malformed requests (fixed seed) per service, straight to Flights.Api, Reservations.Api and
/// Identity.Api and through the gateway: no answer is a server error, every error is problem+json without a stack
/// trace, and MySQL (flightsdb and identitydb) and Redis hold exactly what they held before. Requests carry a valid
/// token (a signed-in customer's through the gateway, one for <c>corpus-customer</c> with both reservation scopes
/// straight to Reservations.Api), so they reach validation instead of stopping at 401; Identity.Api's are sent without
/// one, as registration and token requests are, and its credentials rate limit is lifted by the fixture so none stops
/// at 429. It has a system of its own.
/// </summary>
/// <remarks>
/// Identity.Api's corpus covers <c>POST /account/register</c> (JSON) and <c>POST /connect/token</c> (a form). An error
/// of the OAuth endpoints (<c>/connect/*</c>) may also be <c>application/json</c> with an <c>error</c> member: that is
/// the protocol's own error format (RFC 6749 section 5.2), which OAuth clients read. The sign-in page
/// (<c>/account/signin</c>) is left out: it is a browser's form and answers HTML by design, errors included.
/// </remarks>
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
    [InlineData("identity")]
    public async Task A_thousand_malformed_requests_get_no_5xx_only_problem_json_and_change_nothing(string service)
    {
        var (address, endpoints) = service switch
        {
            "flights" => (system.Flights, ApiShape.Flights),
            "reservations" => (system.Reservations, ApiShape.Reservations),
            "identity" => (system.Identity.BaseAddress, ApiShape.Identity),
            _ => (system.Gateway.BaseAddress!, ApiShape.Gateway),
        };
        // The client waits for the server's 100 Continue however long a loaded machine takes to answer: by default it
        // sends the body after 1 s, and a body the server has refused (over 1 MB) then races the refusal against the
        // connection being closed (seen in CI as a broken pipe).
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) }) { BaseAddress = address };
        var flightId = await FlightIdAsync();
        var token = service switch
        {
            "gateway" => (await system.Identity.SignUpAsync()).AccessToken,
            "identity" => null,
            _ => system.Identity.MintToken(ApiShape.ValidValues(flightId)["customer_id"], "reservations", scopes: "reservations reservations.all"),
        };
        var before = await SnapshotAsync();

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var answers = new ConcurrentDictionary<string, int>();
        var corpus = new MalformedRequests(endpoints, ApiShape.ValidValues(flightId), Seed).Take(RequestsPerService);
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellationToken) =>
        {
            using var message = request.Create();
            if (token is not null)
            {
                message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            // A body over the services' 1 MB limit is refused before it is sent, as curl and browsers do it.
            message.Headers.ExpectContinue = message.Content is not null;
            using var response = await client.SendAsync(message, cancellationToken);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
            answers.AddOrUpdate($"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType ?? "without body"}", 1, (_, count) => count + 1);
            if (Fault(response, await response.Content.ReadAsStringAsync(cancellationToken)) is { } fault)
            {
                failures.Enqueue($"{request.Description}: {fault}");
            }
        });

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        output.WriteLine(string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}")));
        Assert.Equal(RequestsPerService, statuses.Values.Sum());
        Assert.False(service == "identity" && statuses.ContainsKey(HttpStatusCode.TooManyRequests), "The credentials rate limit refused requests: the corpus did not reach the endpoints.");
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
        return isError && !isProblem && !refusedByKestrel && !IsOAuthError(response, body)
            ? $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Excerpt(body)}"
            : null;
    }

    /// <summary>An error of an OAuth endpoint in the protocol's format: a JSON object with an <c>error</c> code (RFC 6749 section 5.2).</summary>
    private static bool IsOAuthError(HttpResponseMessage response, string body)
    {
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/connect/", StringComparison.Ordinal) != true
            || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject error && error["error"]?.GetValueKind() == System.Text.Json.JsonValueKind.String;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] : body;

    private async Task<Guid> FlightIdAsync()
    {
        var flights = await system.Gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        // Tomorrow's: today's may have departed, and booking it would be refused before the input is looked at.
        return Guid.Parse((string)flights![1]!["flight_id"]!);
    }

    /// <summary>Every row of every table of the flights and identity databases and every field of every Redis hash.</summary>
    private async Task<string> SnapshotAsync()
    {
        var snapshot = new StringBuilder();
        foreach (var database in new[] { "flightsdb", "identitydb" })
        {
            await using var mysql = new MySqlConnection(system.MySql.GetConnectionString(database));
            await mysql.OpenAsync();
            await using var tables = new MySqlCommand(
                $"SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '{database}'", mysql);
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

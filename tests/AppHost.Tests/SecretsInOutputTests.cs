using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Airline.Hosting.LocalServers;
using Airline.TestSupport.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AppHost.Tests;

/// <summary>
/// No password, key or token reaches a log line: everything every process of the system prints is scanned, with the
/// identity server's and the HTTP clients' request logging turned up to what an operator would turn on to debug.
/// </summary>
public sealed class SecretsInOutputTests(SecretsInOutputTests.VerboseSystemFixture system, ITestOutputHelper output)
    : IClassFixture<SecretsInOutputTests.VerboseSystemFixture>, IDisposable
{
    private readonly IDisposable _output = system.Output.During(output);

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task Signing_up_signing_in_refreshing_booking_and_cancelling_print_no_password_key_or_token()
    {
        var email = $"secrets-{Guid.NewGuid():N}@example.com";
        using var registered = await system.Identity.PostAsJsonAsync("/account/register", new { email, password = Customers.Password });
        registered.EnsureSuccessStatusCode();
        using var signedIn = await Customers.RequestTokenAsync(system.Identity, email, Customers.Password);
        var tokens = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        using var refreshed = await system.Identity.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "airline-cli",
            ["refresh_token"] = refreshToken,
        }));
        refreshed.EnsureSuccessStatusCode();
        var accessToken = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        await BookAndCancelAsync(accessToken);

        var secrets = new Dictionary<string, string>
        {
            ["the customer's password"] = Customers.Password,
            ["the access token's signature"] = accessToken[(accessToken.LastIndexOf('.') + 1)..],
            ["the refresh token"] = refreshToken,
        };
        foreach (var (name, value) in await SecretParametersAsync())
        {
            secrets[$"parameter {name}"] = value;
        }

        var printed = await PrintedOnceTheGatewayLoggedAsync($"DELETE http://{system.Gateway.BaseAddress!.Authority}/api/reservations/");
        foreach (var (name, value) in secrets)
        {
            Assert.False(ContainsAnyPart(printed, value), $"{name} was printed");
        }
    }

    /// <summary>What every process printed, once the gateway's log of the last request (the last thing said) is in.</summary>
    private async Task<string> PrintedOnceTheGatewayLoggedAsync(string lastRequest)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var printed = system.Output.Tail(int.MaxValue);
            if (printed.Contains("Request finished HTTP/1.1 " + lastRequest, StringComparison.Ordinal))
            {
                return printed;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The gateway never logged the end of {lastRequest}");

            await Task.Delay(100);
        }
    }

    private async Task BookAndCancelAsync(string accessToken)
    {
        var flights = await system.Gateway.GetFromJsonAsync<JsonElement>("/flights?origin_code=LAX&destination_code=DCA&date=" + DateTime.UtcNow.Date.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var flightId = flights[0].GetProperty("flight_id").GetString()!;
        var authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var booked = await system.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = JsonContent.Create(new { flight_id = flightId, seat_num = "30A" }),
            Headers = { Authorization = authorization },
        });
        booked.EnsureSuccessStatusCode();
        using var cancelled = await system.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/reservations/{flightId}/30A")
        {
            Headers = { Authorization = authorization },
        });
        cancelled.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Every secret parameter's value, as the processes were given it (MySQL's and Redis's passwords, signing and
    /// encryption keys, the gateway's client secret).
    /// </summary>
    private async Task<List<(string Name, string Value)>> SecretParametersAsync()
    {
        var resources = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources;
        // The servers' generated passwords are parameters of the servers, not necessarily resources of the model.
        var parameters = resources.OfType<ParameterResource>().Where(parameter => parameter.Secret)
            .Concat(resources.OfType<IMySqlServerResource>().Select(server => server.Password))
            .Concat(resources.OfType<LocalRedisResource>().Select(server => server.Password))
            .Distinct();
        var secrets = new List<(string Name, string Value)>();
        foreach (var parameter in parameters)
        {
            secrets.Add((parameter.Name, (await parameter.GetValueAsync(CancellationToken.None))!));
        }

        Assert.True(secrets.Count >= 5, $"only {secrets.Count} secret parameters: {string.Join(", ", secrets.Select(secret => secret.Name))}");
        return secrets;
    }

    /// <summary>A long secret (a PEM key) is looked for line by line, so a fragment of it counts too.</summary>
    private static bool ContainsAnyPart(string printed, string secret) =>
        secret.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part.Length >= 12 && !part.StartsWith("-----", StringComparison.Ordinal))
            .Any(part => printed.Contains(part, StringComparison.Ordinal));

    public sealed class VerboseSystemFixture : SystemFixture
    {
        protected override void Configure(IDistributedApplicationTestingBuilder builder)
        {
            foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            {
                builder.CreateResourceBuilder(project)
                    .WithEnvironment("Logging__LogLevel__OpenIddict", "Information")
                    .WithEnvironment("Logging__LogLevel__System.Net.Http.HttpClient", "Information")
                    .WithEnvironment("Logging__LogLevel__Microsoft.AspNetCore", "Information");
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reservations.Api.Tests;

[Collection(ReservationsServiceCollection.Name)]
public sealed class ServiceEndpointsTests(ReservationsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Probes_answer_200_while_Redis_runs(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_reservation_and_hold_endpoints_in_snake_case()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/reservations", out var reservations));
        Assert.True(reservations.TryGetProperty("put", out _));
        Assert.True(reservations.TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/reservations/{flight_id}/{seat_num}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/holds").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/holds/{hold_id}/confirm").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/holds/{hold_id}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/flights/{flight_id}/taken_seats").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/customers/{customer_id}/bookings").TryGetProperty("get", out _));
        var reservation = document.GetProperty("components").GetProperty("schemas").GetProperty("Reservation");
        Assert.Equal(
            ["customer_id", "flight_id", "seat_num"],
            reservation.GetProperty("properties").EnumerateObject().Select(property => property.Name).Order());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task An_unknown_path_is_404_problem_json_whatever_the_client_accepts(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-thing") { Headers = { { "Accept", accept } } };
        var response = await _client.SendAsync(request);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem_json_for_a_browser_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reservations/2f1c7f0e-8d1e-4f41-9a55-3c1b8f0d2a11/12C")
        {
            Headers = { { "Accept", "text/html" } },
        };
        var response = await _client.SendAsync(request);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }
}

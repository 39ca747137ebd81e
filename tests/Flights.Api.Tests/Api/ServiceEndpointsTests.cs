using System.Net;
using System.Text.Json;
using Flights.Api.Tests.Support;

namespace Flights.Api.Tests.Api;

[Collection(SharedFlightsServiceCollection.Name)]
public sealed class ServiceEndpointsTests(FlightsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_and_liveness_answer_healthy(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_five_endpoints_in_snake_case()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadOkAsync<JsonElement>();

        var paths = document.GetProperty("paths");
        Assert.Equal(["/flights", "/flights/lookup", "/flights/seating", "/flights/{flight_id}", "/flights/{flight_no}/seat_map"], paths.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(["/flights", "/flights/seating"], search => Assert.Equal(
            ["date", "destination_code", "flight_no", "origin_code"],
            paths.GetProperty(search).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order()));
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty("Flight").GetProperty("properties").TryGetProperty("departure_time", out _));
    }

    [Theory]
    [InlineData("GET", "/flights/AA2532/seats/12C", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/flights/AA2532/seat_map", HttpStatusCode.MethodNotAllowed)]
    public async Task An_unknown_path_or_method_is_problem_json_even_to_a_client_that_accepts_only_html(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { { "Accept", "text/html" } } };
        var response = await _client.SendAsync(request);

        await response.ReadProblemAsync(status);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Reservations.Api.Tests.HttpAssertions;

namespace Reservations.Api.Tests;

[Collection(ReservationsServiceCollection.Name)]
public sealed class ReservationsApiTests(ReservationsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;
    private readonly string _flight = $"AA{Guid.NewGuid():N}";

    [Fact]
    public async Task Put_of_a_free_seat_is_201_with_the_reservation()
    {
        var response = await PutAsync(_flight, "12C", "customer-1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new Uri($"/reservations/{_flight}/12C", UriKind.Relative), response.Headers.Location);
        await AssertReservationAsync(response, _flight, "12C", "customer-1");
    }

    [Fact]
    public async Task Put_repeated_by_the_holder_is_200_with_the_same_body()
    {
        await PutAsync(_flight, "12C", "customer-1");

        var response = await PutAsync(_flight, "12C", "customer-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertReservationAsync(response, _flight, "12C", "customer-1");
    }

    [Fact]
    public async Task Put_of_a_seat_another_customer_holds_is_409_naming_the_seat_not_the_holder()
    {
        await PutAsync(_flight, "12C", "customer-1");

        var response = await PutAsync(_flight, "12C", "customer-2");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("12C", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("customer-1", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["12C"] = "customer-1" }, await GetSeatsAsync(_flight));
    }

    [Theory]
    [InlineData("""{"seat_num": "12C", "customer_id": "c1"}""", "flight_id")]
    [InlineData("""{"flight_id": "", "seat_num": "12C", "customer_id": "c1"}""", "flight_id")]
    [InlineData("""{"flight_id": "AA 100", "seat_num": "12C", "customer_id": "c1"}""", "flight_id")]
    [InlineData("""{"flight_id": "AA100", "customer_id": "c1"}""", "seat_num")]
    [InlineData("""{"flight_id": "AA100", "seat_num": "0C", "customer_id": "c1"}""", "seat_num")]
    [InlineData("""{"flight_id": "AA100", "seat_num": "12L", "customer_id": "c1"}""", "seat_num")]
    [InlineData("""{"flight_id": "AA100", "seat_num": "12c", "customer_id": "c1"}""", "seat_num")]
    [InlineData("""{"flight_id": "AA100", "seat_num": "1000A", "customer_id": "c1"}""", "seat_num")]
    [InlineData("""{"flight_id": "AA100", "seat_num": "12C"}""", "customer_id")]
    [InlineData("""{"flight_id": "AA100", "seat_num": "12C", "customer_id": null}""", "customer_id")]
    [InlineData("""{"flight_id": "AA100", "seat_num": "12C", "customer_id": "c\u00e9"}""", "customer_id")]
    public async Task Put_with_an_invalid_field_is_400_naming_that_field(string body, string field)
    {
        var response = await PutJsonAsync(body);

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.NotEmpty(errors[field]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task Put_without_fields_is_400_naming_all_three(string body)
    {
        var response = await PutJsonAsync(body);

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal(["customer_id", "flight_id", "seat_num"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("""{"flight_id": "AA100", "seat_num": """)]
    [InlineData("""{"flight_id": "AA100", "seat_num": 12, "customer_id": "c1"}""")]
    public async Task Put_with_a_body_that_is_not_the_expected_json_is_400_saying_so(string body)
    {
        var response = await PutJsonAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_lists_each_reserved_seat_with_its_customer()
    {
        await PutAsync(_flight, "1A", "customer-1");
        await PutAsync(_flight, "12C", "customer-2");
        await PutAsync($"{_flight}-other", "2B", "customer-3");

        var seats = await GetSeatsAsync(_flight);

        Assert.Equal(new Dictionary<string, string> { ["1A"] = "customer-1", ["12C"] = "customer-2" }, seats);
    }

    [Fact]
    public async Task Get_of_a_flight_without_reservations_is_an_empty_object()
    {
        var response = await _client.GetAsync(new Uri($"/reservations?flight_id={_flight}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/reservations")]
    [InlineData("/reservations?flight_id=")]
    [InlineData("/reservations?flight_id=AA%20100")]
    public async Task Get_without_a_valid_flight_id_is_400(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal(["flight_id"], errors.Keys);
    }

    [Fact]
    public async Task Delete_by_the_holder_is_204_and_frees_the_seat()
    {
        await PutAsync(_flight, "12C", "customer-1");

        var response = await DeleteAsync(_flight, "12C", "customer-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await GetSeatsAsync(_flight));
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(_flight, "12C", "customer-2")).StatusCode);
    }

    [Fact]
    public async Task Delete_of_a_seat_nobody_holds_is_404()
    {
        var response = await DeleteAsync(_flight, "12C", "customer-1");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_by_another_customer_is_403_and_keeps_the_reservation()
    {
        await PutAsync(_flight, "12C", "customer-1");

        var response = await DeleteAsync(_flight, "12C", "customer-2");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(new Dictionary<string, string> { ["12C"] = "customer-1" }, await GetSeatsAsync(_flight));
    }

    [Theory]
    [InlineData("/reservations/AA100/12C", "customer_id")]
    [InlineData("/reservations/AA100/12C?customer_id=", "customer_id")]
    [InlineData("/reservations/AA100/12Z?customer_id=c1", "seat_num")]
    [InlineData("/reservations/AA%20100/12C?customer_id=c1", "flight_id")]
    public async Task Delete_with_invalid_input_is_400_naming_the_field(string url, string field)
    {
        var response = await _client.DeleteAsync(new Uri(url, UriKind.Relative));

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("application/json; charset=ebcdic")]
    [InlineData("application/json; charset=")]
    public async Task Put_with_an_unknown_charset_is_415_problem(string contentType)
    {
        var content = new StringContent($$"""{"flight_id":"{{_flight}}","seat_num":"12C","customer_id":"c"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await _client.PutAsync(new Uri("/reservations", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await GetSeatsAsync(_flight));
    }

    private Task<HttpResponseMessage> PutAsync(string flightId, string seatNum, string customerId) =>
        PutJsonAsync(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["flight_id"] = flightId,
            ["seat_num"] = seatNum,
            ["customer_id"] = customerId,
        }));

    private Task<HttpResponseMessage> PutJsonAsync(string json) =>
        _client.PutAsync(new Uri("/reservations", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> DeleteAsync(string flightId, string seatNum, string customerId) =>
        _client.DeleteAsync(new Uri($"/reservations/{flightId}/{seatNum}?customer_id={customerId}", UriKind.Relative));

    private async Task<Dictionary<string, string>> GetSeatsAsync(string flightId)
    {
        var response = await _client.GetAsync(new Uri($"/reservations?flight_id={flightId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!;
    }

    private static async Task AssertReservationAsync(HttpResponseMessage response, string flightId, string seatNum, string customerId)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal(
            new Dictionary<string, string> { ["flight_id"] = flightId, ["seat_num"] = seatNum, ["customer_id"] = customerId },
            body);
    }
}

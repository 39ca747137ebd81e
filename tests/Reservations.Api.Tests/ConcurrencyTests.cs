using System.Net;
using System.Net.Http.Json;

namespace Reservations.Api.Tests;

[Collection(ReservationsServiceCollection.Name)]
public sealed class ConcurrencyTests(ReservationsServiceFixture service)
{
    private const int Requests = 200;

    private readonly HttpClient _client = service.Client;
    private readonly string _flight = $"AA{Guid.NewGuid():N}";

    [Fact]
    public async Task Of_simultaneous_reservations_of_one_seat_by_different_customers_exactly_one_wins()
    {
        var customers = Enumerable.Range(1, Requests).Select(i => $"customer-{i}").ToArray();

        var responses = await Task.WhenAll(customers.Select(customer => PutAsync("12C", customer)));

        var statuses = responses.Select(response => response.StatusCode).ToArray();
        Assert.Equal(1, statuses.Count(status => status == HttpStatusCode.Created));
        Assert.Equal(Requests - 1, statuses.Count(status => status == HttpStatusCode.Conflict));
        var winner = customers[Array.IndexOf(statuses, HttpStatusCode.Created)];
        Assert.Equal(new Dictionary<string, string> { ["12C"] = winner }, await GetSeatsAsync());
    }

    [Fact]
    public async Task Of_simultaneous_retries_by_one_customer_one_reserves_and_the_rest_confirm()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => PutAsync("12C", "customer-1")));

        var statuses = responses.Select(response => response.StatusCode).ToArray();
        Assert.Equal(1, statuses.Count(status => status == HttpStatusCode.Created));
        Assert.Equal(Requests - 1, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(new Dictionary<string, string> { ["12C"] = "customer-1" }, await GetSeatsAsync());
    }

    private Task<HttpResponseMessage> PutAsync(string seatNum, string customerId) =>
        _client.PutAsJsonAsync("/reservations", new Dictionary<string, string>
        {
            ["flight_id"] = _flight,
            ["seat_num"] = seatNum,
            ["customer_id"] = customerId,
        });

    private async Task<Dictionary<string, string>?> GetSeatsAsync() =>
        await _client.GetFromJsonAsync<Dictionary<string, string>>($"/reservations?flight_id={_flight}");
}

using Airline.TestSupport;
using Reservations.Api.Infrastructure;

namespace Reservations.Api.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task The_service_refuses_to_start_without_a_redis_connection_string()
    {
        await using var service = new KestrelServiceFactory<ReservationStore>(new Dictionary<string, string?>());

        var exception = Assert.Throws<InvalidOperationException>(() => service.BaseAddress);

        Assert.Contains("ConnectionStrings:redis", exception.Message, StringComparison.Ordinal);
    }
}

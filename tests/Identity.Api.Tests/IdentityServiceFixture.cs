using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Airline.TestSupport.Servers;

namespace Identity.Api.Tests;

/// <summary>Identity.Api on real Kestrel over a private MySQL.</summary>
public sealed class IdentityServiceFixture : IAsyncLifetime
{
    private readonly MySqlServerFixture _mysql = new();

    public IdentityService Service { get; private set; } = null!;

    public HttpClient Client => Service.Client;

    /// <summary>The same service on a database of its own, allowing 3 credential requests a minute per client address.</summary>
    public IdentityService TightlyLimited { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _mysql.InitializeAsync();
        Service = new IdentityService(_mysql.Server);
        TightlyLimited = new IdentityService(_mysql.Server, "identitydb_limited", new Dictionary<string, string?>
        {
            ["RateLimits:credentials:PermitLimit"] = "3",
        });
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (TightlyLimited is not null)
        {
            await TightlyLimited.DisposeAsync();
        }

        await _mysql.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityServiceCollection : ICollectionFixture<IdentityServiceFixture>
{
    public const string Name = "Identity service";
}

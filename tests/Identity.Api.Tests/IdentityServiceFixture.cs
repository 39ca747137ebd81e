using Airline.TestSupport;
using Airline.TestSupport.Identity;

namespace Identity.Api.Tests;

/// <summary>Identity.Api on real Kestrel over a private MySQL.</summary>
public sealed class IdentityServiceFixture : IAsyncLifetime
{
    private readonly MySqlServerFixture _mysql = new();

    public IdentityService Service { get; private set; } = null!;

    public HttpClient Client => Service.Client;

    public async Task InitializeAsync()
    {
        await _mysql.InitializeAsync();
        Service = new IdentityService(_mysql.Server);
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await _mysql.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityServiceCollection : ICollectionFixture<IdentityServiceFixture>
{
    public const string Name = "Identity service";
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Airline.TestSupport;

/// <summary>
/// Runs a service's real Program on Kestrel at a free loopback port, configured as the app model would
/// configure it (<c>ConnectionStrings:*</c>, <c>services:*</c>), so tests speak real HTTP to it.
/// </summary>
/// <typeparam name="TEntryPoint">Any public type of the service's assembly.</typeparam>
public sealed class KestrelServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KestrelServiceFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    /// <summary>The service's root URL; starts the server on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

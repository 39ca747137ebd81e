using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airline.TestSupport;

/// <summary>
/// Runs a service's real Program on Kestrel at a free loopback port, configured as the app model would
/// configure it (<c>ConnectionStrings:*</c>, <c>services:*</c>), so tests speak real HTTP to it.
/// </summary>
/// <typeparam name="TEntryPoint">Any public type of the service's assembly.</typeparam>
public sealed class KestrelServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="logs">Receives the service's log besides its usual providers.</param>
    /// <param name="services">Changes the service's registrations after its own (e.g. a fault-injecting HTTP handler).</param>
    public KestrelServiceFactory(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _logs = logs;
        _services = services;
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

        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}

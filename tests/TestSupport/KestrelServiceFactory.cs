using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <param name="logs">Receives the service's log besides its usual providers.</param>
    public KestrelServiceFactory(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        _settings = settings;
        _logs = logs;
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
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Gateway.Clients;

/// <summary>
/// Flights and seat maps as <see cref="FlightsClient"/> last read them, bounded and expiring as
/// <see cref="FlightsCacheOptions"/> says. Only what exists is kept.
/// </summary>
public sealed class FlightsCache(IOptions<FlightsCacheOptions> options) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxEntries });

    public async Task<T?> GetOrLoadAsync<T>(object key, Func<Task<T?>> load) where T : class
    {
        if (_entries.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        var loaded = await load();
        if (loaded is not null)
        {
            Keep(key, loaded);
        }

        return loaded;
    }

    public bool TryGet<T>(object key, [NotNullWhen(true)] out T? value) where T : class => _entries.TryGetValue(key, out value);

    public void Keep<T>(object key, T value) where T : class
    {
        if (options.Value.Expiry > TimeSpan.Zero)
        {
            _entries.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.Expiry });
        }
    }

    public void Dispose() => _entries.Dispose();
}

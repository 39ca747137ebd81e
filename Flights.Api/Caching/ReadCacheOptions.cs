namespace Flights.Api.Caching;

/// <summary>
/// The <c>ReadCache</c> section: how long an answer to a read (a flight, a search, a seat map) is served from
/// memory without asking MySQL. Flights and seat maps change about never; a change made in MySQL is seen
/// after at most <see cref="Expiry"/>, and while MySQL is away reads answered in the last <see cref="Expiry"/>
/// are still served. Zero turns the cache off.
/// </summary>
public sealed class ReadCacheOptions
{
    public const string SectionName = "ReadCache";

    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(5);
}

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Thrown where a service talks to something it depends on (a database, another service) and that
/// thing does not answer. It leaves the service as 503 problem+json with Retry-After.
/// </summary>
public sealed class DependencyUnavailableException(string dependency, Exception? innerException = null)
    : Exception($"{dependency} is not answering.", innerException)
{
    public string Dependency { get; } = dependency;
}

namespace Airline.Hosting.ApplicationModel;

/// <summary>A Redis server with append-only persistence.</summary>
public sealed class RedisResource(string name, ParameterResource password) : Resource(name), IResourceWithConnectionString
{
    public const int DefaultPort = 6379;

    public ParameterResource Password { get; } = password;

    /// <summary>Keep the data across runs (<c>WithDataVolume</c>); otherwise every run starts empty.</summary>
    public bool PersistentData { get; set; }
}

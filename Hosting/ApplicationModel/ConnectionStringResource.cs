namespace Airline.Hosting.ApplicationModel;

/// <summary>
/// An existing server the system uses instead of starting one: its connection string comes from the
/// AppHost's configuration <c>ConnectionStrings:{name}</c>.
/// </summary>
public sealed class ConnectionStringResource(string name) : Resource(name), IResourceWithConnectionString;

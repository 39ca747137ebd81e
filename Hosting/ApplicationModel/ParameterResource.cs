namespace Airline.Hosting.ApplicationModel;

/// <summary>
/// A value the app model gets from configuration (<c>Parameters:{name}</c>); a secret one that is not
/// configured is generated once and kept in the user's state folder, outside the repository.
/// </summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name)
{
    public bool Secret { get; } = secret;
}

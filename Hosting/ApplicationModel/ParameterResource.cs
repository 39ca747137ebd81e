namespace Airline.Hosting.ApplicationModel;

/// <summary>
/// A value the app model gets from configuration (<c>Parameters:{name}</c>); a secret one that is not
/// configured is generated once and kept in the user's state folder, outside the repository.
/// </summary>
public sealed class ParameterResource(string name, bool secret, Func<string>? generate = null) : Resource(name)
{
    public bool Secret { get; } = secret;

    /// <summary>Makes the value of a secret nobody configured; null: a random password.</summary>
    public Func<string>? Generate { get; } = generate;
}

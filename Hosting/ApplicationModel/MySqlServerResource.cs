namespace Airline.Hosting.ApplicationModel;

/// <summary>A MySQL-compatible server (MariaDB locally, the mysql image in a container).</summary>
public sealed class MySqlServerResource(string name, ParameterResource password) : Resource(name), IResourceWithConnectionString
{
    public const int DefaultPort = 3306;

    public ParameterResource Password { get; } = password;

    public List<MySqlDatabaseResource> Databases { get; } = [];

    /// <summary>Keep the data across runs (<c>WithDataVolume</c>); otherwise every run starts empty.</summary>
    public bool PersistentData { get; set; }
}

/// <summary>A database of a <see cref="MySqlServerResource"/>, created when missing.</summary>
public sealed class MySqlDatabaseResource(string name, string databaseName, MySqlServerResource server)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent
{
    public string DatabaseName { get; } = databaseName;

    public MySqlServerResource Server { get; } = server;

    IResource IResourceWithParent.Parent => Server;
}

using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// A private MariaDB (or MySQL) server as a process of this machine: its data folder starts as a copy of a freshly
/// initialised one, then <c>mariadbd</c> serves it on a loopback port with <c>root</c> protected by the password, which
/// an init file sets at every start.
/// </summary>
public sealed class LocalMySqlResource(string name, string command, string workingDirectory, string stateDirectory, ParameterResource password)
    : LocalServerResource(name, command, workingDirectory, stateDirectory, password), IMySqlServerResource
{
    public IList<MySqlDatabaseResource> Databases { get; } = [];

    public override ReferenceExpression ConnectionStringExpression => MySqlConnectionStrings.Server(this);

    internal string DatabaseFiles => Path.Combine(Data.Directory, "data");

    internal string InitFile => Path.Combine(Data.Directory, "init.sql");

    /// <summary>A temp folder of its own: servers sharing /tmp collide on their temporary table files.</summary>
    internal string TemporaryFiles => Path.Combine(Data.Directory, "tmp");

    internal IEnumerable<object> Arguments() =>
    [
        "--no-defaults",
        $"--datadir={DatabaseFiles}",
        $"--tmpdir={TemporaryFiles}",
        .. MariaDbDataTemplate.RunAsUser(),
        ReferenceExpression.Create($"--port={PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"),
        "--bind-address=127.0.0.1",
        $"--socket={Path.Combine(Data.Directory, "mysqld.sock")}",
        $"--pid-file={Path.Combine(Data.Directory, "mysqld.pid")}",
        $"--init-file={InitFile}",
        "--skip-name-resolve",
        "--skip-log-bin",
        "--innodb-buffer-pool-size=64M",
    ];

    /// <summary>Makes the data folder on the first start, and writes the init file (one statement per line) at every start.</summary>
    internal async Task PrepareDataDirectoryAsync(CancellationToken cancellationToken)
    {
        var password = await Password.GetValueAsync(cancellationToken);
        Directory.CreateDirectory(TemporaryFiles);
        await LocalServerData.WritePrivateFileAsync(InitFile,
        [
            $"ALTER USER 'root'@'localhost' IDENTIFIED BY '{password}';",
            $"CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '{password}';",
            $"ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '{password}';",
            "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
        ], cancellationToken);

        if (!Directory.Exists(Path.Combine(DatabaseFiles, "mysql")))
        {
            await MariaDbDataTemplate.CopyToAsync(DatabaseFiles, cancellationToken);
        }
    }
}

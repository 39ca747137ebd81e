using System.Globalization;
using Airline.Hosting.BackingServices;

namespace Airline.Hosting.Local;

/// <summary>
/// A private MariaDB (or MySQL) server: its data folder starts as a copy of a freshly initialised one,
/// then <c>mariadbd</c> serves it on a loopback port with <c>root</c> protected by the password.
/// </summary>
public sealed class LocalMySqlServer(string dataDirectory, string? password = null, int? port = null, Action<string>? onOutput = null)
    : LocalServer(dataDirectory, password, port, onOutput)
{
    internal const string DebianPackage = "mariadb-server";

    private string DatabaseFiles => Path.Combine(DataDirectory, "data");

    private string InitFile => Path.Combine(DataDirectory, "init.sql");

    /// <summary>A temp folder of its own: servers sharing /tmp collide on its temporary table files.</summary>
    private string TemporaryFiles => Path.Combine(DataDirectory, "tmp");

    protected override string DisplayName => "MariaDB";

    /// <summary>The connection string in the format services read from <c>ConnectionStrings__{database}</c>.</summary>
    public string GetConnectionString(string? database = null) => ConnectionStrings.MySql(Host, Port, Password, database);

    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default) =>
        MySqlAdministration.CreateDatabaseAsync(GetConnectionString(), database, cancellationToken);

    public override Task<bool> PingAsync(CancellationToken cancellationToken = default) =>
        MySqlAdministration.PingAsync(GetConnectionString(), cancellationToken);

    protected override async Task PrepareDataDirectoryAsync(CancellationToken cancellationToken)
    {
        // One statement per line: the server runs the init file at every start, so each is idempotent.
        await File.WriteAllLinesAsync(InitFile,
        [
            $"ALTER USER 'root'@'localhost' IDENTIFIED BY '{Password}';",
            $"CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '{Password}';",
            $"ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '{Password}';",
            "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
        ], cancellationToken);

        Directory.CreateDirectory(TemporaryFiles);
        if (Directory.Exists(Path.Combine(DatabaseFiles, "mysql")))
        {
            return;
        }

        await MariaDbDataTemplate.CopyToAsync(DatabaseFiles, [.. RunAsUser()], cancellationToken);
    }

    protected override (string FileName, IReadOnlyList<string> Arguments) Command() =>
    (
        Executable.Find(DebianPackage, "mariadbd", "mysqld"),
        [
            "--no-defaults",
            $"--datadir={DatabaseFiles}",
            $"--tmpdir={TemporaryFiles}",
            .. RunAsUser(),
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}",
            $"--bind-address={Host}",
            $"--socket={Path.Combine(DataDirectory, "mysqld.sock")}",
            $"--pid-file={Path.Combine(DataDirectory, "mysqld.pid")}",
            $"--init-file={InitFile}",
            "--skip-name-resolve",
            "--skip-log-bin",
            "--innodb-buffer-pool-size=64M",
        ]
    );

    /// <summary>The server refuses to run as root unless told to; as any other user the switch is not needed.</summary>
    private static IEnumerable<string> RunAsUser() => Environment.UserName == "root" ? ["--user=root"] : [];
}

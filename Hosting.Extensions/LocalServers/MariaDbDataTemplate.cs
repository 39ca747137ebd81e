using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// A freshly initialised MariaDB data folder, made once per installed server version with
/// <c>mariadb-install-db</c> (about 1.7 s) and then copied for every new server (a fraction of that).
/// It lives in the user's cache folder; the root password is not in it (the init file sets it at start).
/// </summary>
internal static class MariaDbDataTemplate
{
    /// <summary>The server refuses to run as root unless told to; as any other user the switch is not needed.</summary>
    public static IEnumerable<string> RunAsUser() => Environment.UserName == "root" ? ["--user=root"] : [];

    /// <summary>Copies a pristine data folder of the installed server into <paramref name="dataDirectory"/>.</summary>
    public static async Task CopyToAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var installer = Executable.Find(Executable.MariaDbPackage, "mariadb-install-db", "mysql_install_db");
        var server = Executable.Find(Executable.MariaDbPackage, "mariadbd", "mysqld");
        var template = Path.Combine(CacheRoot(), $"mariadb-data-{VersionKey(server)}");
        if (!Directory.Exists(template))
        {
            await CreateAsync(installer, template, cancellationToken);
        }

        Copy(template, dataDirectory);
    }

    /// <summary>Installs into a staging folder and renames it into place, so concurrent creators never see half a template.</summary>
    private static async Task CreateAsync(string installer, string template, CancellationToken cancellationToken)
    {
        var staging = $"{template}.staging-{Guid.NewGuid():N}";
        var data = Path.Combine(staging, "data");
        var temporary = Path.Combine(staging, "tmp");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(temporary);
        try
        {
            await InstallAsync(installer,
            [
                "--no-defaults",
                $"--datadir={data}",
                $"--tmpdir={temporary}",
                .. RunAsUser(),
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
            ], cancellationToken);

            try
            {
                Directory.Move(data, template);
            }
            catch (IOException) when (Directory.Exists(template))
            {
                // Another process made the same template first; theirs is as good.
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task InstallAsync(string installer, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(installer) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var install = Process.Start(start) ?? throw new InvalidOperationException($"{installer} did not start.");
        var output = install.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = install.StandardError.ReadToEndAsync(cancellationToken);
        await install.WaitForExitAsync(cancellationToken);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{installer} failed with exit code {install.ExitCode}. Its output:{Environment.NewLine}{await output}{await errors}");
        }
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }

    /// <summary>Changes whenever the server binary does (an upgrade), so a template never outlives its version.</summary>
    private static string VersionKey(string server)
    {
        var binary = new FileInfo(server);
        var identity = $"{binary.FullName}|{binary.Length}|{binary.LastWriteTimeUtc.Ticks}|{Environment.UserName}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16].ToLowerInvariant();
    }

    private static string CacheRoot() =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                ? cache
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "airline");
}

namespace Airline.Hosting.LocalServers;

/// <summary>Finds installed programs, including the sbin folders Debian keeps server daemons in.</summary>
public static class Executable
{
    public const string MariaDbPackage = "mariadb-server";

    public const string RedisPackage = "redis-server";

    private static readonly string[] SystemFolders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static string? TryFind(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders);

        return names
            .SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <exception cref="MissingPrerequisiteException">None of <paramref name="names"/> is installed.</exception>
    public static string Find(string debianPackage, params string[] names) =>
        TryFind(names) ?? throw new MissingPrerequisiteException(
            $"{string.Join(" or ", names)} was not found on PATH or in /usr/sbin. " +
            $"Install it with: sudo apt-get install -y {debianPackage} (or run scripts/install-prerequisites.sh).");
}

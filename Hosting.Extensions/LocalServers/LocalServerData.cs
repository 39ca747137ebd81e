using System.Text;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// Where a local server keeps its data: a fresh temporary folder, deleted when the application stops, unless the data
/// is kept (<c>WithDataVolume</c>), in which case it lives under the AppHost's state folder and survives restarts.
/// </summary>
public sealed class LocalServerData(string serverName)
{
    public string Directory { get; private set; } =
        Path.Combine(Path.GetTempPath(), "airline-servers", $"{serverName}-{Guid.NewGuid():N}");

    public bool IsKept { get; private set; }

    internal void Keep(string stateDirectory)
    {
        Directory = Path.Combine(stateDirectory, serverName);
        IsKept = true;
    }

    internal void DeleteUnlessKept()
    {
        if (!IsKept && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>Writes a file only its owner can read: the servers' files hold their passwords.</summary>
    internal static async Task WritePrivateFileAsync(string path, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }
}

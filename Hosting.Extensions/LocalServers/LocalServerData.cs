using System.Text;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// Where a local server keeps its data, under the state folder (<c>BackingServers:DataDirectory</c>, by default the
/// AppHost's <c>.state</c>): a fresh folder of this run, deleted when the application stops, unless the data is kept
/// (<c>WithDataVolume</c>), in which case it is the server's own folder there and survives restarts.
/// </summary>
public sealed class LocalServerData(string serverName, string stateDirectory)
{
    public string Directory { get; private set; } = Path.Combine(stateDirectory, "temporary", $"{serverName}-{Guid.NewGuid():N}");

    public bool IsKept { get; private set; }

    internal void Keep()
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

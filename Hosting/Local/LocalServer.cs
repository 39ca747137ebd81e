using System.Diagnostics;
using System.Security.Cryptography;
using Airline.Hosting.BackingServices;

namespace Airline.Hosting.Local;

/// <summary>
/// A backing server (MariaDB, Redis) run as a child process on a loopback port with its data in a
/// folder of its own. It can be stopped and started again on the same port with the same data.
/// </summary>
public abstract class LocalServer : IServerInstance, IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);

    private readonly Action<string>? _onOutput;
    private LocalProcess? _process;

    protected LocalServer(string dataDirectory, string? password, int? port, Action<string>? onOutput)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Password = password ?? NewPassword();
        if (!Password.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A local server password may hold only ASCII letters and digits.", nameof(password));
        }

        Port = port ?? FreePort.Next();
        _onOutput = onOutput;
    }

    public string DataDirectory { get; }

    public string Password { get; }

    public int Port { get; }

    public static string Host => "127.0.0.1";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The process id while it runs (tests use it to kill the server as a crash would).</summary>
    public int? ProcessId => _process?.Id;

    public Task<int>? Exited => _process?.Exited;

    public string? RecentOutput => _process?.RecentOutput();

    protected abstract string DisplayName { get; }

    /// <summary>Starts the server and returns once it answers a ping.</summary>
    /// <exception cref="MissingPrerequisiteException">The server's binaries are not installed.</exception>
    /// <exception cref="LocalServerFailedException">It exited or did not answer in time.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        if (_process is { } crashed)
        {
            await crashed.DisposeAsync();
            _process = null;
        }

        Directory.CreateDirectory(DataDirectory);
        await PrepareDataDirectoryAsync(cancellationToken);

        var (fileName, arguments) = Command();
        var process = LocalProcess.Start(fileName, arguments, onOutput: _onOutput);
        _process = process;

        var stopwatch = Stopwatch.StartNew();
        while (!await PingAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw Failure($"exited with code {await process.Exited} before answering", process);
            }

            if (stopwatch.Elapsed > ReadyTimeout)
            {
                await process.StopAsync(StopGracePeriod);
                throw Failure($"did not answer within {ReadyTimeout.TotalSeconds:0} s", process);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }
    }

    /// <summary>Clean shutdown (SIGTERM), then SIGKILL if it takes longer than 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync(StopGracePeriod);
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Ends the server abruptly (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            process.Kill();
            await process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers whether the server takes requests now; false (not an exception) while it does not.</summary>
    public abstract Task<bool> PingAsync(CancellationToken cancellationToken = default);

    protected abstract Task PrepareDataDirectoryAsync(CancellationToken cancellationToken);

    protected abstract (string FileName, IReadOnlyList<string> Arguments) Command();

    private LocalServerFailedException Failure(string what, LocalProcess process) =>
        new($"{DisplayName} on port {Port} {what}. Its last output:{Environment.NewLine}{process.RecentOutput()}");

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}

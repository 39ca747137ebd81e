namespace Airline.Hosting.Restarts;

/// <summary>
/// Whether a process that exited on its own is started again, how often, and how long after: the delay
/// doubles from <see cref="FirstDelay"/> (by default <see cref="InitialDelay"/>) up to <see cref="MaxDelay"/> while
/// runs keep failing.
/// A stop through a command or the application's shutdown is never restarted.
/// </summary>
public sealed record RestartPolicy
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>The property of a replica's snapshot that counts its restarts (shown as Restarts on the dashboard).</summary>
    public const string RestartsProperty = "airline.restarts";

    private RestartPolicy(RestartMode mode, int? maxRetries, TimeSpan firstDelay)
    {
        Mode = mode;
        MaxRetries = maxRetries;
        FirstDelay = firstDelay;
    }

    /// <summary>Never started again: the exit is reported and the resource stays Exited.</summary>
    public static RestartPolicy Never { get; } = new(RestartMode.Never, 0, InitialDelay);

    /// <summary>Started again after every exit, also after exit code 0.</summary>
    public static RestartPolicy Always { get; } = new(RestartMode.Always, null, InitialDelay);

    /// <summary>
    /// Started again after a failed exit, at most <paramref name="maxRetries"/> times in a row. An exit nobody asked for
    /// is a failure for a server or a project whatever its code; for an executable, only with a code other than 0.
    /// </summary>
    /// <param name="firstDelay">How long after the first exit in a row it is started again, up to <see cref="MaxDelay"/>.</param>
    public static RestartPolicy OnFailure(int maxRetries = 5, TimeSpan? firstDelay = null) =>
        maxRetries < 0 ? throw new ArgumentOutOfRangeException(nameof(maxRetries))
        : firstDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxDelay) ? throw new ArgumentOutOfRangeException(nameof(firstDelay))
        : new(RestartMode.OnFailure, maxRetries, firstDelay ?? InitialDelay);

    public RestartMode Mode { get; }

    /// <summary>How many restarts in a row (without a run that lasted <see cref="MaxDelay"/>) are tried; null for no limit.</summary>
    public int? MaxRetries { get; }

    /// <summary>The delay before the first restart in a row; each failed run after it doubles the delay.</summary>
    public TimeSpan FirstDelay { get; }

    /// <summary>The delay before restart number <paramref name="attempt"/> (0 for the first) in a row, or null for none.</summary>
    public TimeSpan? DelayBeforeRestart(bool failed, int attempt) =>
        Mode == RestartMode.Never || (Mode == RestartMode.OnFailure && !failed) || attempt >= MaxRetries
            ? null
            : Backoff(attempt);

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << Math.Min(attempt, 16), MaxDelay.Ticks));

    public override string ToString() => Mode switch
    {
        RestartMode.OnFailure when FirstDelay != InitialDelay => $"OnFailure(maxRetries: {MaxRetries}, firstDelay: {FirstDelay})",
        RestartMode.OnFailure => $"OnFailure(maxRetries: {MaxRetries})",
        _ => Mode.ToString(),
    };
}

public enum RestartMode
{
    Never,
    OnFailure,
    Always,
}

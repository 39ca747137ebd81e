namespace Gateway.Rebooking;

/// <summary>The <c>Rebooking</c> section: how gateway replicas share the rebookings they drive.</summary>
public sealed class RebookingOptions
{
    public const string SectionName = "Rebooking";

    /// <summary>
    /// How long a replica owns a rebooking it drives before another may take it over; each step renews it. Longer than
    /// the longest step: a call to Reservations.Api gives up after 10 s.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each replica looks for rebookings whose owner's lease lapsed (a crashed or stopped gateway).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries at releasing the original seat within the customer's request; after them the recovery keeps trying.</summary>
    public int ReleaseAttempts { get; set; } = 3;

    public TimeSpan ReleaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Fault injection for tests: a wait between reserving the new seat and releasing the original. Zero otherwise.</summary>
    public TimeSpan PauseBeforeReleasingOriginal { get; set; } = TimeSpan.Zero;
}

namespace Reservations.Api.Holds;

/// <summary>The <c>Holds</c> section: how long a hold keeps its seats, and how often expired holds are swept.</summary>
public sealed class HoldOptions
{
    public const string SectionName = "Holds";

    public const int MaxSeats = 9;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often the sweeper frees expired holds. Expiry does not wait for it: every script checks a hold's expiry
    /// against Redis's clock, so the sweeper only tidies up.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an expired or confirmed hold is remembered, so that confirming it answers 410 or 200 rather than 404.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}

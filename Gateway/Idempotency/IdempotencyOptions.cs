namespace Gateway.Idempotency;

/// <summary>The <c>Idempotency</c> section: how long answers to keyed requests are kept, and how long a request may run.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a key keeps its first answer, counted from when that answer was given.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a key stays "in flight" when its request never finishes (the gateway was killed mid-request);
    /// afterwards a retry runs again. Longer than any request takes.
    /// </summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Gateway.Idempotency;

/// <summary>
/// Keyed requests' records in Redis, one hash per customer and key: <c>idempotency:{sha256(customer, key)}</c>
/// (hashed: a key may hold any printable character, and customers' equal keys must never meet). A Redis that
/// does not answer surfaces as <see cref="DependencyUnavailableException"/>.
/// </summary>
public sealed class IdempotencyStore(RedisCommands redis, IOptions<IdempotencyOptions> options)
{
    public static RedisKey RecordKey(string customerId, string key) =>
        "idempotency:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{customerId.Length.ToString(CultureInfo.InvariantCulture)}:{customerId}:{key}")));

    /// <summary>Claims the key for a new attempt, or says why not.</summary>
    public async Task<BeginOutcome> BeginAsync(RedisKey record, string fingerprint, string owner)
    {
        var reply = (RedisResult[])(await redis.EvaluateAsync("idempotency begin", IdempotencyScripts.Begin,
            [record], [fingerprint, owner, (long)options.Value.InFlightTimeout.TotalMilliseconds]))!;

        return (string?)reply[0] switch
        {
            "started" => new BeginOutcome.Started(),
            "mismatch" => new BeginOutcome.Mismatch(),
            "in_flight" => new BeginOutcome.InFlight(),
            _ => new BeginOutcome.Completed(new StoredResponse(
                (int)reply[1], StoredResponse.ParseHeaders((string)reply[2]!), (byte[])reply[3]!)),
        };
    }

    /// <returns>False when the attempt had lost the key (it ran past the in-flight timeout).</returns>
    public async Task<bool> CompleteAsync(RedisKey record, string owner, StoredResponse response) =>
        (int)await redis.EvaluateAsync("idempotency complete", IdempotencyScripts.Complete,
            [record], [owner, response.StatusCode, response.HeadersJson, response.Body, (long)options.Value.Retention.TotalMilliseconds]) == 1;

    public async Task AbandonAsync(RedisKey record, string owner) =>
        await redis.EvaluateAsync("idempotency abandon", IdempotencyScripts.Abandon, [record], [owner]);
}

/// <summary>What claiming an idempotency key found.</summary>
public abstract record BeginOutcome
{
    /// <summary>The key was free: this attempt runs the request.</summary>
    public sealed record Started : BeginOutcome;

    /// <summary>The key was used for another request (method, path or body).</summary>
    public sealed record Mismatch : BeginOutcome;

    /// <summary>The same request is still running.</summary>
    public sealed record InFlight : BeginOutcome;

    public sealed record Completed(StoredResponse Response) : BeginOutcome;
}

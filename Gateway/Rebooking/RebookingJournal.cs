using System.Text.Json;
using Gateway.Model;
using Microsoft.Extensions.Options;
using ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Gateway.Rebooking;

/// <summary>
/// The rebookings in Redis, each a hash <c>rebookings:{id}</c>; the unfinished ones in the sorted set
/// <c>rebookings:unfinished</c> by the end of their owner's lease; the original seat of each locked by
/// <c>rebookings:seat:{flight_id}/{seat_num}</c>. One gateway process is one owner: a step is recorded only while its
/// lease runs or nobody else has claimed it since. A Redis that does not answer surfaces as
/// <see cref="DependencyUnavailableException"/>.
/// </summary>
public sealed class RebookingJournal(RedisCommands redis, IOptions<RebookingOptions> options)
{
    /// <summary>How long a finished rebooking is kept, for whoever looks into it.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private const int AbandonedBatch = 100;

    private static readonly RedisKey Unfinished = "rebookings:unfinished";

    /// <summary>This process, as the owner of the rebookings it drives.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <returns>false when another rebooking of the same original seat is under way.</returns>
    public async Task<bool> TryBeginAsync(RebookingRecord rebooking) =>
        (int)await RunAsync("begin", RebookingScripts.Begin, rebooking.Id, Keys(rebooking), [.. Fields(rebooking)]) == 1;

    /// <returns>false when this process no longer owns the rebooking.</returns>
    public async Task<bool> TryMoveAsync(RebookingRecord rebooking, RebookingStep step) =>
        (int)await RunAsync("move", RebookingScripts.Move, rebooking.Id, Keys(rebooking), [Name(step)]) == 1;

    /// <returns>false when this process no longer owns the rebooking.</returns>
    public async Task<bool> TryFinishAsync(RebookingRecord rebooking, RebookingStep outcome) =>
        (int)await RunAsync("finish", RebookingScripts.Finish, rebooking.Id, Keys(rebooking), [Name(outcome), (long)Retention.TotalSeconds]) == 1;

    /// <summary>Ends this process's lease of a rebooking it cannot end now, so that another replica need not wait it out.</summary>
    public Task GiveBackAsync(RebookingRecord rebooking) =>
        RunAsync("give back", RebookingScripts.GiveBack, rebooking.Id, Keys(rebooking), []);

    /// <summary>Unfinished rebookings whose owner's lease has lapsed: their gateway crashed or gave up on them.</summary>
    public async Task<IReadOnlyList<string>> FindAbandonedAsync()
    {
        var ids = await redis.EvaluateAsync("rebooking find abandoned", RebookingScripts.Abandoned, [Unfinished], [AbandonedBatch]);
        return [.. ((RedisResult[])ids!).Select(id => id.ToString())];
    }

    /// <summary>Takes an abandoned rebooking over; null when it is finished or its owner's lease still runs.</summary>
    public async Task<RebookingRecord?> TryClaimAsync(string id)
    {
        var result = await redis.EvaluateAsync("rebooking claim", RebookingScripts.Claim, [RecordKey(id), Unfinished], [id, Owner, LeaseMilliseconds]);
        return result.IsNull ? null : Parse(id, result.ToDictionary());
    }

    /// <summary>Runs a script of one rebooking, which takes its id, the caller as owner and the lease first.</summary>
    private Task<RedisResult> RunAsync(string step, string script, string id, RedisKey[] keys, RedisValue[] arguments) =>
        redis.EvaluateAsync($"rebooking {step}", script, keys, [id, Owner, LeaseMilliseconds, .. arguments]);

    private long LeaseMilliseconds => (long)options.Value.Lease.TotalMilliseconds;

    private static RedisKey RecordKey(string id) => $"rebookings:{id}";

    private static RedisKey[] Keys(RebookingRecord rebooking) =>
        [RecordKey(rebooking.Id), Unfinished, $"rebookings:seat:{rebooking.Original.FlightId}/{rebooking.Original.SeatNum}"];

    private static IEnumerable<RedisValue> Fields(RebookingRecord rebooking) =>
    [
        "step", Name(rebooking.Step),
        "customer_id", rebooking.CustomerId,
        "original_flight_id", rebooking.Original.FlightId,
        "original_seat_num", rebooking.Original.SeatNum,
        "requested_flight_id", rebooking.Requested.FlightId,
        "requested_seat_num", rebooking.Requested.SeatNum,
    ];

    private static RebookingRecord Parse(string id, Dictionary<string, RedisResult> fields)
    {
        var customerId = (string)fields["customer_id"]!;
        return new RebookingRecord(
            id,
            customerId,
            new Reservation((string)fields["original_flight_id"]!, (string)fields["original_seat_num"]!, customerId),
            new Reservation((string)fields["requested_flight_id"]!, (string)fields["requested_seat_num"]!, customerId),
            Enum.GetValues<RebookingStep>().Single(step => Name(step) == (string)fields["step"]!));
    }

    /// <summary>The step as the journal writes it: <c>reserving_new</c>, <c>releasing_original</c>, … <c>kept_original</c>.</summary>
    public static string Name(RebookingStep step) =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(step.ToString());
}

using System.Globalization;
using System.Text.Json;

namespace ServiceDefaults.Redis;

/// <summary>Lua that scripts of several services start with.</summary>
public static class RedisLua
{
    /// <summary>
    /// <c>now_ms()</c>: milliseconds since the Unix epoch by Redis's own clock (<c>TIME</c>), the one clock every
    /// instance of every service shares.
    /// </summary>
    public const string Clock = """
        local function now_ms()
            local time = redis.call('TIME')
            return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        end

        """;

    /// <summary>
    /// The table <c>outcome</c>, naming every member of <typeparamref name="TOutcome"/> in snake_case: a script answers
    /// <c>return outcome.in_customers_hold</c>, and the C# side casts the answer to <typeparamref name="TOutcome"/>.
    /// </summary>
    public static string Outcomes<TOutcome>() where TOutcome : struct, Enum =>
        "local outcome = { "
        + string.Join(", ", Enum.GetValues<TOutcome>().Select(value =>
            $"{JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString())} = {Convert.ToInt64(value, CultureInfo.InvariantCulture)}"))
        + " }\n";
}

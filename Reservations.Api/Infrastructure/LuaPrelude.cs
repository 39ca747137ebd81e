using ServiceDefaults.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// Functions the scripts share. Time is Redis's own (<c>TIME</c>), never a caller's clock, so every instance of the
/// service agrees on when a hold expires. A held seat's entry is <c>{expires_ms}|{hold_id}|{customer_id}</c>; a hold
/// is live while <c>now_ms() &lt; expires_ms</c>. Milliseconds are written with <c>%.0f</c>: Lua's <c>tostring</c>
/// would print them in exponent form.
/// </summary>
internal static class LuaPrelude
{
    public const string Functions = RedisLua.Clock + """
        local function parse_hold_entry(entry)
            local expires, hold, customer = string.match(entry, '^(%d+)|([^|]+)|(.*)$')
            return tonumber(expires), hold, customer
        end

        local function live_hold_entry(holds_key, seat, now)
            local entry = redis.call('HGET', holds_key, seat)
            if not entry then
                return nil
            end
            local expires, hold, customer = parse_hold_entry(entry)
            if expires > now then
                return hold, customer
            end
            return nil
        end

        local function split_seats(seats)
            local list = {}
            for seat in string.gmatch(seats, '[^,]+') do
                list[#list + 1] = seat
            end
            return list
        end

        """;
}

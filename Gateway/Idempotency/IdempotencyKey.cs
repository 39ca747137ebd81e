using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Gateway.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a
/// Structured Field String, <c>"8e03978e-40d5-43e8-bc93-6894a57f9324"</c>, whose content is the key: 1 to
/// <see cref="MaxLength"/> printable ASCII characters. A bare value without the quotes, as many clients send it, is
/// the key itself when it has no space, comma or quote (a comma means two header values were joined).
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxLength = 255;

    public const string Rule = "Idempotency-Key must be one header: a quoted string (\"…\") of 1 to 255 printable ASCII characters, "
                               + "or the same bare without spaces, commas or quotes.";

    public static bool TryParse(StringValues values, [NotNullWhen(true)] out string? key)
    {
        key = values.Count == 1 ? Unquote(values[0]!.Trim()) : null;
        if (key is null || key.Length is 0 or > MaxLength || !key.All(c => c is >= ' ' and <= '~'))
        {
            key = null;
        }

        return key is not null;
    }

    /// <summary>An sf-string's content (<c>\"</c> and <c>\\</c> unescaped), the value itself when it is bare, null when malformed.</summary>
    private static string? Unquote(string value)
    {
        if (!value.StartsWith('"'))
        {
            return value.Any(c => c is ' ' or ',' or '"') ? null : value;
        }

        var content = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\\' when i + 1 < value.Length && value[i + 1] is '"' or '\\':
                    content.Append(value[++i]);
                    break;
                case '\\':
                    return null;
                case '"':
                    return i == value.Length - 1 ? content.ToString() : null;
                default:
                    content.Append(value[i]);
                    break;
            }
        }

        return null;
    }
}

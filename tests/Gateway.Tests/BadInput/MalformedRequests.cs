using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Gateway.Tests.BadInput;

/// <summary>One generated request: how to make it (once), and what it is, to name it when it fails.</summary>
internal sealed record MalformedRequest(string Description, Func<HttpRequestMessage> Create);

/// <summary>
/// Generates malformed requests against the endpoints of a service from a fixed seed: hostile values in the
/// path and query (traversal, SQL and Redis-command injection, CRLF, 16 KB, absurd dates and numbers, duplicate
/// keys), wrong methods, and broken bodies: JSON (wrong types, missing/extra/null fields, invalid JSON and UTF-8,
/// 10,000-level nesting, 5 MB, wrong content types and charsets) or forms (missing, duplicate, 64 KB, CRLF,
/// injection and invalid UTF-8 values, broken percent-encoding, 2,000 fields, 4 KB names, 5 MB, wrong content
/// types and charsets). A body's <see cref="EndpointShape.InvalidField"/> is always invalid (any printable
/// flight_id is valid to Reservations.Api), so no generated write is a valid one and nothing may change.
/// </summary>
internal sealed class MalformedRequests(EndpointShape[] endpoints, IReadOnlyDictionary<string, string> valid, int seed)
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    private static readonly string[] HostileValues =
    [
        "", " ", "null", "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f", "..\\..\\windows\\win.ini",
        "' OR '1'='1", "1; DROP TABLE flights; --", "\" OR \"\"=\"", "AA2532' UNION SELECT password FROM mysql.user --",
        "*\r\nFLUSHALL\r\n", "EVAL \"redis.call('flushall')\" 0", "\r\nSET x y\r\n", "flights:*", "KEYS *",
        "%0d%0aSet-Cookie:%20x=y", "a\r\nX-Injected: 1", "\0", "%00", "%ff%fe", "\u202e\u0000", "😀✈️", "ẞ", "\ud800",
        "9999999999999999999999999999", "-1", "1e309", "NaN", "0x7fffffff", "18446744073709551616",
        "0000-00-00", "9999-99-99", "2026-02-30", "-0001-01-01", "+275760-09-13", "1970-01-01T00:00:00Z", "yesterday",
        "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "[]", "{}", "true",
    ];

    private static readonly string[] WrongMethods = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"];

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=ebcdic", "application/json; charset=", "application/json; charset=utf-16", "image/png", "*/*", "",
    ];

    private static readonly string[] WrongFormContentTypes =
    [
        "text/plain", "application/json", "multipart/form-data; boundary=x", "multipart/form-data",
        "application/x-www-form-urlencoded; charset=ebcdic", "application/x-www-form-urlencoded; charset=",
        "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=utf-32", "*/*", "",
    ];

    /// <summary>Values the OAuth parameters take elsewhere (other grants, clients, scopes), put where they do not belong.</summary>
    private static readonly string[] OtherOAuthValues =
    [
        "client_credentials", "refresh_token", "authorization_code", "implicit", "urn:ietf:params:oauth:grant-type:device_code",
        "gateway", "airline-web", "reservations.all", "openid profile", "offline_access",
    ];

    /// <summary>Written into a form as they are, not percent-encoded: what a careless or hostile client sends.</summary>
    private static readonly string[] RawFormValues =
    [
        "%ff%fe", "%c3%28", "%ed%a0%80", "%", "%zz", "%2", "a\r\nb", "\r\nX-Injected: 1", "%0d%0aSet-Cookie:%20x=y", "&&==&", "=", "+", "a=b=c", ";",
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<MalformedRequest> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var endpoint = endpoints[_random.Next(endpoints.Length)];
            yield return _random.Next(endpoint.HasBody ? 4 : 3) switch
            {
                0 => HostilePathValue(endpoint),
                1 => HostileQuery(endpoint),
                2 => WrongMethod(endpoint),
                _ => endpoint.Format == BodyFormat.Form ? BrokenFormBody(endpoint) : BrokenBody(endpoint),
            };
        }
    }

    private MalformedRequest HostilePathValue(EndpointShape endpoint)
    {
        var values = new Dictionary<string, string>(valid);
        var parameters = endpoint.PathTemplate.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToArray();
        var hostile = _random.Next(10) == 0 ? new string('A', 16 * 1024) : Pick(HostileValues);
        if (parameters.Length > 0)
        {
            values[Pick(parameters)] = hostile;
        }

        var path = Path(endpoint, values, escape: _random.Next(2) == 0) + (parameters.Length == 0 ? "/" + Uri.EscapeDataString(hostile) : "");
        return Request(endpoint.Method, path + Query(endpoint, values), $"{endpoint.Method} {endpoint.PathTemplate} with path value {Describe(hostile)}",
            endpoint.HasBody ? InvalidBody(endpoint) : null);
    }

    private MalformedRequest HostileQuery(EndpointShape endpoint)
    {
        var values = new Dictionary<string, string>(valid);
        var query = endpoint.Query.Length > 0 ? Pick(endpoint.Query) : endpoint.BodyFields.FirstOrDefault("flight_id");
        var hostile = _random.Next(10) == 0 ? new string('9', 16 * 1024) : Pick(HostileValues);
        var encoded = Uri.EscapeDataString(hostile);
        var queryString = _random.Next(3) switch
        {
            0 => $"?{query}={encoded}",
            1 => $"?{query}={Uri.EscapeDataString(valid[query])}&{query}={encoded}",
            _ => $"?{query}={encoded}&{query}&{query}[]=1&{encoded}={encoded}",
        };
        var path = Path(endpoint, UnknownSeat(values), escape: true);
        return Request(endpoint.Method, path + queryString, $"{endpoint.Method} {endpoint.PathTemplate}{queryString[..Math.Min(80, queryString.Length)]}",
            endpoint.HasBody ? InvalidBody(endpoint) : null);
    }

    private MalformedRequest WrongMethod(EndpointShape endpoint)
    {
        var method = Pick(WrongMethods.Where(m => m != endpoint.Method.Method).ToArray());
        var path = Path(endpoint, UnknownSeat(new Dictionary<string, string>(valid)), escape: true);
        return Request(new HttpMethod(method), path, $"{method} {endpoint.PathTemplate}", InvalidBody(endpoint));
    }

    private MalformedRequest BrokenBody(EndpointShape endpoint)
    {
        var values = new Dictionary<string, string>(valid);
        var path = Path(endpoint, values, escape: true);
        var (description, content) = _random.Next(9) switch
        {
            0 => ("invalid JSON", Json(Truncate(JsonObject(endpoint, InvalidFieldValues(endpoint))))),
            1 => ("invalid UTF-8", Bytes([0x7b, 0x22, 0x66, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x22, 0xa0, 0xa1, 0x22, 0x7d], "application/json")),
            2 => ("10,000-level nesting", Json(new string('[', 10_000) + new string(']', 10_000))),
            3 => ("5 MB body", Json("{\"flight_id\":\"" + new string('x', 5 * 1024 * 1024) + "\",\"seat_num\":\"12C\"}")),
            4 => ("wrong content type", WithContentType(JsonObject(endpoint, InvalidFieldValues(endpoint)), Pick(WrongContentTypes))),
            5 => ("no body", null),
            6 => ("JSON that is not an object", Json(Pick(["[]", "\"text\"", "42", "null", "true", "[{\"flight_id\":1}]"]))),
            _ => ("malformed fields", Json(JsonObject(endpoint, InvalidFieldValues(endpoint)))),
        };
        return Request(endpoint.Method, path, $"{endpoint.Method} {endpoint.PathTemplate} with {description}", content);
    }

    private MalformedRequest BrokenFormBody(EndpointShape endpoint)
    {
        var (description, content) = _random.Next(10) switch
        {
            0 => ("invalid UTF-8", Bytes([.. Encoding.ASCII.GetBytes(FormBody(endpoint) + "&username="), 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1], FormContentType)),
            1 => ("5 MB body", Form($"grant_type=password&username={new string('x', 5 * 1024 * 1024)}&password=x")),
            2 => ("wrong content type", WithContentType(FormBody(endpoint), Pick(WrongFormContentTypes))),
            3 => ("no body", null),
            4 => ("2,000 fields", Form(FormBody(endpoint) + string.Concat(Enumerable.Repeat("&scope=reservations", 2_000)))),
            5 => ("a 4 KB field name", Form(FormBody(endpoint) + $"&{new string('k', 4 * 1024)}=1")),
            6 => ("JSON instead of a form", Json(JsonObject(endpoint, InvalidFieldValues(endpoint)))),
            7 => ("only separators", Form(Pick(["&", "=", "&&&", "==", "&=&=", "%26%3D", "\r\n\r\n", " "]))),
            _ => ("malformed fields", Form(FormBody(endpoint))),
        };
        var path = Path(endpoint, valid, escape: true);
        return Request(endpoint.Method, path, $"{endpoint.Method} {endpoint.PathTemplate} with {description}", content);
    }

    /// <summary>
    /// The form's fields, each left out one time in four and the invalid one never valid, plus random damage:
    /// duplicates, unknown fields, and empty, hostile, 64 KB, out-of-place or unencoded values.
    /// </summary>
    private string FormBody(EndpointShape endpoint)
    {
        var fields = endpoint.BodyFields.Where(_ => _random.Next(4) > 0)
            .Select(field => $"{field}={Uri.EscapeDataString(field == endpoint.InvalidField ? UnknownUsername() : valid[field])}")
            .ToList();
        for (var damage = _random.Next(4); damage > 0; damage--)
        {
            var field = Pick(endpoint.BodyFields.Where(f => f != endpoint.InvalidField).Append("unexpected").Append("__proto__").Append("scope[]").ToArray());
            var value = _random.Next(5) switch
            {
                0 => "",
                1 => Uri.EscapeDataString(new string('A', 64 * 1024)),
                2 => Uri.EscapeDataString(Pick(OtherOAuthValues)),
                3 => Pick(RawFormValues),
                _ => Uri.EscapeDataString(Pick(HostileValues)),
            };
            fields.Insert(_random.Next(fields.Count + 1), $"{field}={value}");
        }

        return string.Join('&', fields);
    }

    /// <summary>A username no account has: an unknown email, an empty or a hostile value.</summary>
    private string UnknownUsername() =>
        _random.Next(4) == 0 ? Pick(["nobody@example.com", "corpus-customer@example.com", "AGENT@airline.example.invalid", "@", "a@b@c"]) : Pick(HostileValues);

    /// <summary>Values for the body's fields with a wrong <see cref="EndpointShape.InvalidField"/>, plus random damage to the others.</summary>
    private Dictionary<string, string?> InvalidFieldValues(EndpointShape endpoint)
    {
        var fields = endpoint.BodyFields.ToDictionary(field => field, field => (string?)Quote(valid[field]));
        fields[endpoint.InvalidField] = endpoint.InvalidField == "email"
            ? Pick(["null", "12", "true", "[]", "{}", Quote(""), Quote("@example.com"), Quote("customer@"), Quote("a@b@c"), Quote(Pick(HostileValues)),
                Quote(new string('a', 300) + "@example.com")])
            : Pick(["null", "12", "true", "[]", "{}", Quote(""), Quote("12Z"), Quote("0A"), Quote(Pick(HostileValues)), "1.5e400"]);
        for (var damage = _random.Next(3); damage > 0; damage--)
        {
            var field = Pick(endpoint.BodyFields.Where(f => f != endpoint.InvalidField).Append("unexpected").Append("__proto__").ToArray());
            fields[field] = _random.Next(4) switch
            {
                0 => null,
                1 => "null",
                2 => Pick(["0", "-1", "99999999999999999999", "false", "[\"a\"]", "{\"$ne\":null}"]),
                _ => Quote(Pick(HostileValues)),
            };
        }

        return fields;
    }

    private ByteArrayContent InvalidBody(EndpointShape endpoint) => endpoint switch
    {
        { Format: BodyFormat.Form } => Form(FormBody(endpoint)),
        { HasBody: true } => Json(JsonObject(endpoint, InvalidFieldValues(endpoint))),
        _ => Json("{\"seat_num\":" + Quote(Pick(HostileValues)) + "}"),
    };

    private static string JsonObject(EndpointShape endpoint, Dictionary<string, string?> fields) =>
        "{" + string.Join(",", fields.Where(field => field.Value is not null).Select(field => $"{Quote(field.Key)}:{field.Value}")) + "}";

    private string Truncate(string json) => json[..Math.Max(1, _random.Next(json.Length))] + Pick(["", ",", "}}", "\"", "garbage"]);

    private static Dictionary<string, string> UnknownSeat(Dictionary<string, string> values)
    {
        values["seat_num"] = "99Z";
        return values;
    }

    private static string Path(EndpointShape endpoint, IReadOnlyDictionary<string, string> values, bool escape) =>
        string.Join('/', endpoint.PathTemplate.Split('/').Select(segment =>
            segment.StartsWith('{') ? (escape ? Uri.EscapeDataString(values[segment.Trim('{', '}')]) : EscapeControl(values[segment.Trim('{', '}')])) : segment));

    private static string Query(EndpointShape endpoint, IReadOnlyDictionary<string, string> values) =>
        endpoint.Query.Length == 0 ? "" : "?" + string.Join('&', endpoint.Query.Select(q => $"{q}={Uri.EscapeDataString(values[q])}"));

    /// <summary>Left raw, a path keeps its dots and slashes (traversal) but not what HTTP cannot carry.</summary>
    private static string EscapeControl(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || c > 127 || c is ' ' or '#' or '?' or '%' ? Uri.EscapeDataString(c.ToString()) : c.ToString()));

    private static MalformedRequest Request(HttpMethod method, string pathAndQuery, string description, HttpContent? content) =>
        new(description, () => new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative)) { Content = content });

    private static ByteArrayContent Json(string json) => Bytes(Encoding.UTF8.GetBytes(json), "application/json");

    private static ByteArrayContent Form(string form) => Bytes(Encoding.UTF8.GetBytes(form), FormContentType);

    private static ByteArrayContent WithContentType(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static string Describe(string value) =>
        value.Length > 40 ? $"of {value.Length.ToString(CultureInfo.InvariantCulture)} chars" : Quote(value);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

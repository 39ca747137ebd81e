namespace Gateway.Tests.BadInput;

/// <summary>How an endpoint reads its body.</summary>
internal enum BodyFormat
{
    Json,
    Form,
}

/// <summary>An endpoint of a service as a client sees it: where its values go, and a valid value for each.</summary>
/// <param name="InvalidField">The body field that is never given a value the endpoint accepts, so that no generated write is a valid one.</param>
internal sealed record EndpointShape(
    HttpMethod Method, string PathTemplate, string[] Query, string[] BodyFields, BodyFormat Format = BodyFormat.Json, string InvalidField = "seat_num")
{
    public bool HasBody => BodyFields.Length > 0;
}

/// <summary>The public endpoints of each service, and values that would make a request valid.</summary>
internal static class ApiShape
{
    private static readonly string[] ReservationFields = ["flight_id", "seat_num", "customer_id"];
    private static readonly string[] HoldFields = ["flight_id", "seats"];

    public static readonly EndpointShape[] Flights =
    [
        new(HttpMethod.Get, "/flights", ["flight_no", "origin_code", "destination_code", "date"], []),
        new(HttpMethod.Get, "/flights/seating", ["flight_no", "origin_code", "destination_code", "date"], []),
        new(HttpMethod.Get, "/flights/{flight_id}", [], []),
        new(HttpMethod.Get, "/flights/{flight_no}/seat_map", [], []),
        new(HttpMethod.Get, "/flights/lookup", ["flight_id"], []),
    ];

    public static readonly EndpointShape[] Reservations =
    [
        new(HttpMethod.Put, "/reservations", [], ReservationFields),
        new(HttpMethod.Get, "/reservations", ["flight_id"], []),
        new(HttpMethod.Get, "/reservations/taken_seats", ["flight_id"], []),
        new(HttpMethod.Delete, "/reservations/{flight_id}/{seat_num}", ["customer_id"], []),
        new(HttpMethod.Get, "/flights/{flight_id}/taken_seats", [], []),
        new(HttpMethod.Post, "/holds", [], HoldFields),
        new(HttpMethod.Get, "/holds/{hold_id}", [], []),
        new(HttpMethod.Post, "/holds/{hold_id}/confirm", [], []),
        new(HttpMethod.Delete, "/holds/{hold_id}", [], []),
        new(HttpMethod.Get, "/customers/{customer_id}/bookings", [], []),
    ];

    public static readonly EndpointShape[] Gateway =
    [
        new(HttpMethod.Get, "/api/flights", ["origin_code", "destination_code", "date", "passengers"], []),
        new(HttpMethod.Get, "/api/flights/{flight_id}/seats", [], []),
        new(HttpMethod.Post, "/api/reservations", [], ReservationFields),
        new(HttpMethod.Delete, "/api/reservations/{flight_id}/{seat_num}", ["customer_id"], []),
        new(HttpMethod.Post, "/api/reservations/{flight_id}/{seat_num}/rebook", [], ["flight_id", "seat_num"]),
        new(HttpMethod.Post, "/api/holds", [], HoldFields),
        new(HttpMethod.Post, "/api/holds/{hold_id}/confirm", [], []),
        new(HttpMethod.Delete, "/api/holds/{hold_id}", [], []),
        new(HttpMethod.Get, "/api/me/trips", [], []),
        .. Flights,
    ];

    /// <summary>
    /// Identity.Api's API: registration (JSON, its email never valid) and the OAuth token endpoint (a form, its username
    /// never an account's, its client secret never the gateway's), so no account, token or failed-sign-in count appears.
    /// </summary>
    public static readonly EndpointShape[] Identity =
    [
        new(HttpMethod.Post, "/account/register", [], ["email", "password"], InvalidField: "email"),
        new(HttpMethod.Post, "/connect/token", [], ["grant_type", "client_id", "username", "password", "scope", "refresh_token", "client_secret"],
            BodyFormat.Form, InvalidField: "username"),
    ];

    public static Dictionary<string, string> ValidValues(Guid flightId) => new()
    {
        ["flight_id"] = flightId.ToString(),
        ["flight_no"] = "AA2532",
        ["seat_num"] = "12C",
        ["seats"] = "12C",
        ["hold_id"] = "0123456789abcdef0123456789abcdef",
        ["customer_id"] = "corpus-customer",
        ["origin_code"] = "LAX",
        ["destination_code"] = "DCA",
        ["passengers"] = "2",
        ["email"] = "corpus-customer@example.com",
        ["password"] = "Seat-Holder-42",
        ["grant_type"] = "password",
        ["client_id"] = "airline-cli",
        ["username"] = "corpus-customer@example.com",
        ["scope"] = "reservations offline_access",
        ["refresh_token"] = "CfDJ8corpus-refresh-token-nobody-was-given",
        ["client_secret"] = "corpus-secret-no-client-has",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

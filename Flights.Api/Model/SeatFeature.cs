using System.Text.Json.Serialization;

namespace Flights.Api.Model;

[JsonConverter(typeof(JsonStringEnumConverter<SeatFeature>))]
public enum SeatFeature
{
    [JsonStringEnumMemberName("window")]
    Window,

    [JsonStringEnumMemberName("aisle")]
    Aisle,

    [JsonStringEnumMemberName("middle")]
    Middle,

    [JsonStringEnumMemberName("exit_row")]
    ExitRow,

    [JsonStringEnumMemberName("extra_legroom")]
    ExtraLegroom,
}

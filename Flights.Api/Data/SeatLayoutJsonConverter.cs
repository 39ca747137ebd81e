using System.Text.Json;
using Flights.Api.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Flights.Api.Data;

/// <summary>Keeps a seat layout in a JSON column, in the same snake_case shape the API shows.</summary>
public sealed class SeatLayoutJsonConverter() : ValueConverter<SeatLayout, string>(
    layout => JsonSerializer.Serialize(layout, SerializerOptions),
    json => JsonSerializer.Deserialize<SeatLayout>(json, SerializerOptions)!)
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

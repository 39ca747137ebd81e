using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Flights.Api.Data;

/// <summary>Stores times as UTC and reads them back marked as UTC, so JSON shows them with a <c>Z</c>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    time => time.ToUniversalTime(),
    time => DateTime.SpecifyKind(time, DateTimeKind.Utc));

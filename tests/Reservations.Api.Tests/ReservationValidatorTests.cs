using Reservations.Api.Model;
using Reservations.Api.Validation;

namespace Reservations.Api.Tests;

public sealed class ReservationValidatorTests
{
    [Theory]
    [InlineData("1A")]
    [InlineData("12C")]
    [InlineData("999K")]
    [InlineData("30I")]
    public void Accepts_a_seat_of_row_1_to_999_and_letter_A_to_K(string seatNum)
    {
        Assert.True(ReservationValidator.TryValidate("AA100", seatNum, "c1", out var reservation, out var errors));
        Assert.Equal(new Reservation("AA100", seatNum, "c1"), reservation);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("C")]
    [InlineData("0C")]
    [InlineData("012C")]
    [InlineData("1000C")]
    [InlineData("12L")]
    [InlineData("12c")]
    [InlineData(" 12C")]
    [InlineData("12C ")]
    [InlineData("12C\n")]
    [InlineData("12CC")]
    [InlineData("１2C")]
    public void Rejects_any_other_seat(string? seatNum)
    {
        Assert.False(ReservationValidator.TryValidate("AA100", seatNum, "c1", out var reservation, out var errors));
        Assert.Null(reservation);
        Assert.Equal([ReservationValidator.SeatNumField], errors.Keys);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("AA100-2026-12-01")]
    [InlineData("!~{}\"'\\")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789abcd")]
    public void Accepts_an_identifier_of_1_to_64_printable_ascii_characters(string identifier)
    {
        Assert.True(ReservationValidator.TryValidate(identifier, "1A", identifier, out _, out var errors));
        Assert.True(ReservationValidator.TryValidateFlightId(identifier, out _));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AA 100")]
    [InlineData("AA100\n")]
    [InlineData("AA100\t")]
    [InlineData("caf\u00e9")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789abcde")]
    public void Rejects_any_other_identifier(string? identifier)
    {
        Assert.False(ReservationValidator.TryValidate(identifier, "1A", "c1", out _, out var flightErrors));
        Assert.Equal([ReservationValidator.FlightIdField], flightErrors.Keys);

        Assert.False(ReservationValidator.TryValidate("AA100", "1A", identifier, out _, out var customerErrors));
        Assert.Equal([ReservationValidator.CustomerIdField], customerErrors.Keys);

        Assert.False(ReservationValidator.TryValidateFlightId(identifier, out var errors));
        Assert.Equal([ReservationValidator.FlightIdField], errors.Keys);
    }

    [Fact]
    public void Reports_every_invalid_field_at_once_with_a_message_that_names_it()
    {
        Assert.False(ReservationValidator.TryValidate(null, "12Z", "a b", out _, out var errors));

        Assert.Equal(["customer_id", "flight_id", "seat_num"], errors.Keys.Order());
        Assert.Equal("flight_id is required.", Assert.Single(errors["flight_id"]));
        Assert.StartsWith("seat_num must be", Assert.Single(errors["seat_num"]), StringComparison.Ordinal);
        Assert.StartsWith("customer_id must be", Assert.Single(errors["customer_id"]), StringComparison.Ordinal);
    }
}

using Flights.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace Flights.Api.Data;

public sealed class FlightsContext(DbContextOptions<FlightsContext> options) : DbContext(options)
{
    /// <summary>The name of its connection string and database in the app model.</summary>
    public const string ConnectionName = "flightsdb";

    public DbSet<Flight> Flights => Set<Flight>();

    public DbSet<SeatMap> SeatMaps => Set<SeatMap>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Flight>(flight =>
        {
            flight.ToTable("flights");
            flight.HasKey(f => f.FlightId);
            flight.Property(f => f.FlightId).HasColumnName("flight_id").HasColumnType("char(36)");
            flight.Property(f => f.FlightNo).HasColumnName("flight_no").HasMaxLength(7);
            flight.Property(f => f.OriginCode).HasColumnName("origin_code").HasMaxLength(3).IsFixedLength();
            flight.Property(f => f.DestinationCode).HasColumnName("destination_code").HasMaxLength(3).IsFixedLength();
            flight.Property(f => f.DepartureTime).HasColumnName("departure_time");
            flight.Property(f => f.ArrivalTime).HasColumnName("arrival_time");

            flight.HasIndex(f => new { f.FlightNo, f.DepartureTime }).IsUnique();
            flight.HasIndex(f => new { f.OriginCode, f.DestinationCode, f.DepartureTime });
            flight.HasIndex(f => f.DepartureTime);
        });

        modelBuilder.Entity<SeatMap>(seatMap =>
        {
            seatMap.ToTable("seat_maps");
            seatMap.HasKey(s => s.FlightNo);
            seatMap.Property(s => s.FlightNo).HasColumnName("flight_no").HasMaxLength(7);
            seatMap.Property(s => s.Layout).HasColumnName("layout").HasColumnType("json").HasConversion<SeatLayoutJsonConverter>();
        });
    }
}

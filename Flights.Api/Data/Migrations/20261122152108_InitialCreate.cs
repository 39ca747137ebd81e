using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flights.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "flights",
                columns: table => new
                {
                    flight_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    flight_no = table.Column<string>(type: "varchar(7)", maxLength: 7, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    origin_code = table.Column<string>(type: "char(3)", fixedLength: true, maxLength: 3, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    destination_code = table.Column<string>(type: "char(3)", fixedLength: true, maxLength: 3, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    departure_time = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    arrival_time = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flights", x => x.flight_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "seat_maps",
                columns: table => new
                {
                    flight_no = table.Column<string>(type: "varchar(7)", maxLength: 7, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    layout = table.Column<string>(type: "json", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seat_maps", x => x.flight_no);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_flights_departure_time",
                table: "flights",
                column: "departure_time");

            migrationBuilder.CreateIndex(
                name: "IX_flights_flight_no_departure_time",
                table: "flights",
                columns: new[] { "flight_no", "departure_time" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_flights_origin_code_destination_code_departure_time",
                table: "flights",
                columns: new[] { "origin_code", "destination_code", "departure_time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "flights");

            migrationBuilder.DropTable(
                name: "seat_maps");
        }
    }
}

namespace Reservations.Api.Authorization;

/// <summary>Who may call what: customers (and agents) with scope <c>reservations</c>; the gateway's own token for the per-flight listing.</summary>
public static class ReservationsPolicies
{
    public const string Customer = "customer";

    /// <summary>Seat → customer for a whole flight exposes every customer's id: only the gateway's own token may ask.</summary>
    public const string AllReservations = "all-reservations";

    public static void AddReservationsAuthorization(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(AirlineScopes.ReservationsAudience);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Customer, policy => policy.RequireScope(AirlineScopes.Reservations))
            .AddPolicy(AllReservations, policy => policy.RequireScope(AirlineScopes.AllReservations));
    }
}

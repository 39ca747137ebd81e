namespace Reservations.Api.Authorization;

/// <summary>
/// Who may call what: customers (and agents) with scope <c>reservations</c>; the gateway's own token
/// (<c>reservations.all</c>) for the per-flight listing, and to reserve and release in a customer's name, which it does
/// when it finishes a rebooking interrupted by a crash (no customer's token is at hand then).
/// </summary>
public static class ReservationsPolicies
{
    /// <summary>A customer's (or agent's) token, or the gateway's own acting for a customer.</summary>
    public const string Customer = "customer";

    /// <summary>Seat → customer for a whole flight exposes every customer's id: only the gateway's own token may ask.</summary>
    public const string AllReservations = "all-reservations";

    public static void AddReservationsAuthorization(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(AirlineScopes.ReservationsAudience);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Customer, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.HasScope(AirlineScopes.Reservations) || context.User.ActsForAnyCustomer()))
            .AddPolicy(AllReservations, policy => policy.RequireScope(AirlineScopes.AllReservations));
    }

    /// <summary>The gateway's own token, which reserves and releases in any customer's name.</summary>
    public static bool ActsForAnyCustomer(this System.Security.Claims.ClaimsPrincipal user) => user.HasScope(AirlineScopes.AllReservations);
}

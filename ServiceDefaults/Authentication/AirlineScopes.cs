namespace Microsoft.Extensions.Hosting;

/// <summary>The scopes, audiences and roles the identity service issues and the APIs check.</summary>
public static class AirlineScopes
{
    /// <summary>A customer's own bookings, through the gateway and on Reservations.Api.</summary>
    public const string Reservations = "reservations";

    /// <summary>Every customer's reservations (the per-flight listing): only the gateway's own token carries it.</summary>
    public const string AllReservations = "reservations.all";

    public const string GatewayAudience = "gateway";

    public const string ReservationsAudience = "reservations";

    /// <summary>A customer-service agent, who may cancel any customer's reservation.</summary>
    public const string AgentRole = "agent";

    /// <summary>The claims of the access tokens, as issued (inbound claim mapping is off).</summary>
    public const string SubjectClaim = "sub";

    public const string RoleClaim = "role";

    public const string ScopeClaim = "scope";
}

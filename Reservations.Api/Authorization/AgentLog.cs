namespace Reservations.Api.Authorization;

/// <summary>What customer-service agents do to customers' reservations, with both ids.</summary>
internal static partial class AgentLog
{
    public const string Category = "Reservations.Api.Agents";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} cancelled seat {SeatNum} of flight {FlightId} held by customer {CustomerId}")]
    public static partial void Cancelled(ILogger logger, string agentId, string flightId, string seatNum, string customerId);
}

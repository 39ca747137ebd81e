using System.Diagnostics;

namespace Gateway.Rebooking;

/// <summary>The spans of a rebooking: the rebooking (or its resumption), each step and each compensation beneath it.</summary>
internal static class RebookingTelemetry
{
    public const string SourceName = "Gateway.Rebooking";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string name, RebookingRecord rebooking)
    {
        var activity = Source.StartActivity(name);
        activity?.SetTag("rebooking.id", rebooking.Id);
        activity?.SetTag("rebooking.step", RebookingJournal.Name(rebooking.Step));
        activity?.SetTag("rebooking.original", $"{rebooking.Original.FlightId}/{rebooking.Original.SeatNum}");
        activity?.SetTag("rebooking.requested", $"{rebooking.Requested.FlightId}/{rebooking.Requested.SeatNum}");
        return activity;
    }

    public static void Failed(Activity? activity, string why) => activity?.SetStatus(ActivityStatusCode.Error, why);
}

using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Clients;

/// <summary>A service's answer to a command: its status, and either its body or its problem details.</summary>
public sealed record ServiceReply<T>(HttpStatusCode Status, T? Value, ProblemDetails? Problem) where T : class;

public static class ServiceReply
{
    /// <summary>The gateway's own refusal, answered before any service was asked.</summary>
    public static ServiceReply<T> Refused<T>(ProblemDetails problem) where T : class =>
        new((HttpStatusCode)problem.Status!.Value, null, problem);
}

using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// YARP does not retry. A read that could not reach its destination (refused, reset before the response headers)
/// is forwarded again to another available destination of the cluster, before the passive health check has
/// caught up with the dead replica; the client never sees the 502. Only GET and HEAD, whose requests have no
/// body and are safe to repeat; each destination is tried at most once.
/// </summary>
internal static class ReplicaRetry
{
    public static IReverseProxyApplicationBuilder UseReplicaRetry(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(ForwardWithRetryAsync);
        return proxy;
    }

    private static async Task ForwardWithRetryAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        await next();

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var tried = new HashSet<DestinationState>();
        while (NeverReachedDestination(context) && proxy.ProxiedDestination is { } failed && tried.Add(failed))
        {
            var remaining = candidates.Where(destination => !tried.Contains(destination)).ToList();
            if (remaining.Count == 0)
            {
                return;
            }

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.AvailableDestinations = remaining;
            await next();
        }
    }

    private static bool NeverReachedDestination(HttpContext context) =>
        !context.Response.HasStarted && context.Features.Get<IForwarderErrorFeature>()?.Error == ForwarderError.Request;
}

using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace ServiceDefaults.Resilience;

/// <summary>
/// The resilience of every outgoing HTTP call, in the order a request meets it:
/// a bound on requests in flight, a total timeout and retries for the request as a whole; then the choice of a
/// replica (<see cref="ReplicaSelectingHandler"/>); then, per replica, a circuit breaker and the attempt timeout.
/// Breaking the circuit per replica rather than per client keeps one dead replica from cutting callers off the
/// live ones, while a service whose every replica fails is refused at once.
/// </summary>
internal static class ResilienceDefaults
{
    private const int MaxRequestsInFlight = 1000;
    private const int MaxRetryAttempts = 2;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TotalRequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CircuitSamplingDuration = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddReplicaAwareResilience(this IServiceCollection services)
    {
        services.AddSingleton<ReplicaHealth>();
        services.AddTransient<ReplicaSelectingHandler>();
        return services;
    }

    public static IHttpClientBuilder AddReplicaAwareResilienceHandlers(this IHttpClientBuilder http)
    {
        http.AddResilienceHandler("request", ConfigureRequest);
        http.AddHttpMessageHandler<ReplicaSelectingHandler>();
        http.AddResilienceHandler("replica", ConfigureReplica).SelectPipelineByAuthority();
        return http;
    }

    /// <summary>
    /// Retries are short and ignore Retry-After: a caller waiting for a seat chart should get an answer (or a 503)
    /// in about a second. An attempt that never reached a replica is retried at once, on another one.
    /// </summary>
    private static void ConfigureRequest(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) => pipeline
        .AddConcurrencyLimiter(MaxRequestsInFlight)
        .AddTimeout(TotalRequestTimeout)
        .AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetryAttempts,
            Delay = RetryDelay,
            ShouldRetryAfterHeader = false,
            ShouldHandle = arguments => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(arguments.Outcome) || arguments.Outcome.Exception is BrokenCircuitException),
            DelayGenerator = arguments => ValueTask.FromResult(NeverReachedReplica(arguments.Outcome.Exception) ? TimeSpan.Zero : (TimeSpan?)null),
        });

    private static void ConfigureReplica(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) => pipeline
        .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { SamplingDuration = CircuitSamplingDuration })
        .AddTimeout(AttemptTimeout);

    private static bool NeverReachedReplica(Exception? exception) =>
        exception is BrokenCircuitException or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
}

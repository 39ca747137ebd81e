using System.Net;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Polly;

namespace Gateway.Clients;

/// <summary>
/// Base of the typed clients of the services behind the gateway. A service that cannot be reached,
/// times out, trips the circuit breaker or answers 5xx becomes <see cref="DependencyUnavailableException"/>,
/// so the gateway answers 503 and never guesses.
/// </summary>
public abstract class ServiceClient(HttpClient http, JsonSerializerOptions json, DependencyOutages outages, string serviceName)
{
    /// <summary>
    /// A JSON request body sent with its length. <see cref="JsonContent"/> writes without one, so the call goes out
    /// chunked, which costs both ends: more writes here, chunk parsing in the service.
    /// </summary>
    protected ByteArrayContent JsonBody<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, json))
    {
        Headers = { ContentType = new MediaTypeHeaderValue(MediaTypeNames.Application.Json, "utf-8") },
    };

    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DependencyUnavailableException(serviceName, exception);
        }

        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            response.Dispose();
            throw new DependencyUnavailableException(serviceName);
        }

        outages.ReportUp(serviceName);
        return response;
    }

    /// <summary>The body of a successful answer; any other answer means the service broke its contract.</summary>
    protected async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new DependencyUnavailableException(serviceName,
                new HttpRequestException($"{serviceName} answered {(int)response.StatusCode} unexpectedly.", null, response.StatusCode));
        }

        return await response.Content.ReadFromJsonAsync<T>(json, cancellationToken)
               ?? throw new DependencyUnavailableException(serviceName, new JsonException($"{serviceName} answered an empty body."));
    }

    /// <summary>A 4xx answer's problem details, passed on to the gateway's caller as they are.</summary>
    protected async Task<ProblemDetails> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<ProblemDetails>(json, cancellationToken)
        ?? new ProblemDetails { Status = (int)response.StatusCode };
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Airline.TestSupport.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Reservations.Api.Tests;

/// <summary>
/// Gives each request the token the gateway would pass on: that of the customer the request names (the body's
/// <c>customer_id</c> of a PUT, the query's of a DELETE, the path's of a customer listing), and the gateway's own
/// for a flight's listing. Tokens are signed with the identity service's key, so the service checks them for real.
/// </summary>
internal sealed class ActAsNamedCustomerHandler(IdentityService identity) : DelegatingHandler(new HttpClientHandler())
{
    private const string Audience = "reservations";

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await NamedCustomerAsync(request, cancellationToken) is { } customer
            ? _tokens.GetOrAdd(customer, subject => identity.MintToken(subject, Audience))
            : _tokens.GetOrAdd("", _ => identity.MintToken("gateway", Audience, scopes: "reservations.all"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<string?> NamedCustomerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        if (path.StartsWith("/customers/", StringComparison.Ordinal))
        {
            return Uri.UnescapeDataString(path.Split('/')[2]);
        }

        if (request.Method == HttpMethod.Delete)
        {
            var customer = QueryHelpers.ParseQuery(request.RequestUri.Query).GetValueOrDefault("customer_id").ToString();
            return customer.Length > 0 ? customer : "nobody";
        }

        if (request.Method != HttpMethod.Put || request.Content is null)
        {
            return null;
        }

        try
        {
            using var body = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            return body.RootElement.ValueKind == JsonValueKind.Object
                   && body.RootElement.TryGetProperty("customer_id", out var customer)
                   && customer.GetString() is { Length: > 0 } named
                ? named
                : "nobody";
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return "nobody";
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Web.Gateway;

/// <summary>An RFC 9457 problem as an API answered it, or as this app describes a failed call.</summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>Every sentence of the problem, its field errors included.</summary>
    public string Message =>
        string.Join(" ", new[] { Title, Detail }.Concat(Errors?.Values.SelectMany(messages => messages) ?? [])
            .Where(text => !string.IsNullOrWhiteSpace(text)));

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new ApiProblem(status, "Your sign-in has expired.", "Reload the page to sign in again.");
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(ApiJson.Options, cancellationToken);
            if (problem is { Title: not null } or { Detail: not null })
            {
                return problem with { Status = status };
            }
        }
        catch (JsonException)
        {
        }

        return new ApiProblem(status, $"The service answered {status} {response.ReasonPhrase}.", "Try again in a moment.");
    }

    public static ApiProblem Unavailable(string reason) =>
        new(StatusCodes.Status503ServiceUnavailable, "The booking service cannot be reached.", $"Try again in a moment ({reason}).");
}

/// <summary>What a call gave: a value, or the problem that prevented it.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;

    public static implicit operator ApiResult<T>(ApiProblem problem) => new(default, problem);
}

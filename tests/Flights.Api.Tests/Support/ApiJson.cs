using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Flights.Api.Tests.Support;

/// <summary>Reads the service's answers as a client would: snake_case JSON, RFC 9457 problems.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static async Task<T> ReadOkAsync<T>(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<T>(Options))!;
    }

    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Options);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The names of the fields a validation problem finds fault with.</summary>
    public static async Task<IReadOnlyCollection<string>> ReadValidationErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var error in errors.EnumerateObject())
        {
            Assert.NotEmpty(error.Value.EnumerateArray());
        }

        return [.. errors.EnumerateObject().Select(e => e.Name)];
    }
}

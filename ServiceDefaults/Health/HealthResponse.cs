using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceDefaults.Health;

internal static class HealthResponse
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static HealthCheckOptions Options(bool writeDetail, Func<HealthCheckRegistration, bool> predicate)
    {
        var options = new HealthCheckOptions { Predicate = predicate };
        if (writeDetail)
        {
            options.ResponseWriter = WriteDetailAsync;
        }

        return options;
    }

    private static Task WriteDetailAsync(HttpContext context, HealthReport report)
    {
        var detail = new
        {
            Status = report.Status.ToString(),
            TotalDurationMs = report.TotalDuration.TotalMilliseconds,
            Checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    Status = entry.Value.Status.ToString(),
                    entry.Value.Description,
                    DurationMs = entry.Value.Duration.TotalMilliseconds,
                    Error = entry.Value.Exception?.Message,
                }),
        };

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(detail, SerializerOptions));
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gateway.Idempotency;

/// <summary>Documents <c>Idempotency-Key</c> and its answers on every operation the middleware covers.</summary>
internal sealed class IdempotencyOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!IdempotencyMiddleware.AppliesTo(context.Description.HttpMethod ?? "", "/" + context.Description.RelativePath))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe (IETF draft \"The Idempotency-Key HTTP Header Field\"): a quoted string (or bare value) of "
                          + "1 to 255 printable ASCII characters, unique per operation, e.g. a UUID. The first answer (not a 5xx or 429) "
                          + "is kept for 24 hours for the signed-in customer and replayed, with Idempotent-Replayed: true, to a retry "
                          + "of the same method, path and body.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
        });

        operation.Responses ??= [];
        operation.Responses.TryAdd("400", new OpenApiResponse { Description = "Malformed Idempotency-Key (problem+json), among other invalid input." });
        operation.Responses.TryAdd("409", new OpenApiResponse { Description = "The first request with this Idempotency-Key is still running (problem+json, Retry-After)." });
        operation.Responses["422"] = new OpenApiResponse { Description = "This Idempotency-Key was used for another request (problem+json)." };
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Idempotency;

/// <summary>
/// Makes every POST and DELETE of the public API (<c>/api/**</c>) that carries <c>Idempotency-Key</c> safe to
/// retry, for the signed-in customer: the first final answer is kept and replayed to a retry of the same request;
/// the same key on another request is 422; a retry while the first attempt still runs is 409. Runs after
/// authentication and rate limiting, so a request without a customer never gets here with a key that counts.
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, ILogger<IdempotencyMiddleware> logger)
{
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public static bool AppliesTo(string method, PathString path) =>
        (HttpMethods.IsPost(method) || HttpMethods.IsDelete(method)) && path.StartsWithSegments("/api");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!AppliesTo(context.Request.Method, context.Request.Path)
            || context.GetEndpoint() is null
            || !context.Request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var values))
        {
            await next(context);
            return;
        }

        if (!IdempotencyKey.TryParse(values, out var key))
        {
            await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [IdempotencyKey.Rule] })
                .ExecuteAsync(context);
            return;
        }

        // Anonymous writes have no customer to scope a key to; every public write requires one today.
        if (context.User.SubjectId() is not { } customerId)
        {
            await next(context);
            return;
        }

        var record = IdempotencyStore.RecordKey(customerId, key);
        var fingerprint = await RequestFingerprint.ComputeAsync(context.Request, context.RequestAborted);
        var owner = Guid.NewGuid().ToString("N");

        switch (await store.BeginAsync(record, fingerprint, owner))
        {
            case BeginOutcome.Mismatch:
                await Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    "This Idempotency-Key was first sent with another request (method, path or body); use a new key for a new request.")
                    .ExecuteAsync(context);
                return;
            case BeginOutcome.InFlight:
                context.Response.Headers.RetryAfter = "1";
                await Problem(StatusCodes.Status409Conflict, "Request in progress",
                    "The first request with this Idempotency-Key is still being processed; retry once it has been answered.")
                    .ExecuteAsync(context);
                return;
            case BeginOutcome.Completed completed:
                await ReplayAsync(context, completed.Response);
                return;
            default:
                await RunAndKeepAsync(context, record, owner);
                return;
        }
    }

    private async Task RunAndKeepAsync(HttpContext context, StackExchange.Redis.RedisKey record, string owner)
    {
        var client = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        catch
        {
            await store.AbandonAsync(record, owner);
            throw;
        }
        finally
        {
            context.Response.Body = client;
        }

        var response = StoredResponse.Capture(context.Response, answer.ToArray());
        if (!StoredResponse.IsFinal(response.StatusCode))
        {
            await store.AbandonAsync(record, owner);
        }
        else if (!await TryCompleteAsync(record, owner, response))
        {
            LogNotKept(logger, response.StatusCode);
        }

        answer.Position = 0;
        await answer.CopyToAsync(client, context.RequestAborted);
    }

    /// <summary>The request has been carried out: its answer goes to the client even when it cannot be kept.</summary>
    private async Task<bool> TryCompleteAsync(StackExchange.Redis.RedisKey record, string owner, StoredResponse response)
    {
        try
        {
            return await store.CompleteAsync(record, owner, response);
        }
        catch (DependencyUnavailableException)
        {
            return false;
        }
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        foreach (var (name, value) in stored.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeaderName] = "true";
        context.Response.ContentLength = stored.Body.Length;
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A keyed request was answered {Status} but its answer could not be kept (Redis away, or the request outlived Idempotency:InFlightTimeout); a retry may run it again once the key is free.")]
    private static partial void LogNotKept(ILogger logger, int status);
}

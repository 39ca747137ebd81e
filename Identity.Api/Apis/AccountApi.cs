using System.ComponentModel.DataAnnotations;
using Identity.Api.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Identity.Api.Apis;

public static class AccountApi
{
    private const string EmailField = "email";
    private const string PasswordField = "password";

    private static readonly EmailAddressAttribute EmailFormat = new();

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/account")
            .WithTags("Account")
            .MapPost("/register", RegisterAsync)
            .WithName("Register")
            .WithSummary("Create a customer account")
            .WithDescription("201 with the account, 409 when the email is taken, 400 for a malformed email or a weak password.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(Extensions.Extensions.CredentialsLimit)
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Created<Account>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegistrationRequest? request,
        UserManager<IdentityUser> users)
    {
        var email = request?.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !EmailFormat.IsValid(email))
        {
            return Invalid(EmailField, "email is required and must be an email address.");
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            return Invalid(PasswordField, "password is required.");
        }

        var user = new IdentityUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user, request.Password);
        if (result.Succeeded)
        {
            return TypedResults.Created((string?)null, new Account(user.Id, email));
        }

        if (result.Errors.Any(error => error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The email is taken.",
                detail: "An account with this email exists already; sign in instead.");
        }

        var passwordErrors = result.Errors.Where(error => error.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        return TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            [passwordErrors.Count > 0 ? PasswordField : EmailField] =
                [.. (passwordErrors.Count > 0 ? passwordErrors : result.Errors).Select(error => error.Description)],
        });
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

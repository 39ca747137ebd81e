namespace Identity.Api.Model;

/// <summary>The body of <c>POST /account/register</c>, before validation.</summary>
public sealed record RegistrationRequest(string? Email, string? Password);

/// <summary>A new account: its id is the <c>sub</c> of its tokens.</summary>
public sealed record Account(string UserId, string Email);

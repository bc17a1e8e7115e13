using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CompletionGateway;

/// <summary>A stand-in for real authentication (JWT, cookies): the X-User header (an email or user id) becomes the 'sub' claim.</summary>
internal sealed class HeaderUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "HeaderUser";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Request.Headers["X-User"] is { Count: 1 } user && !string.IsNullOrWhiteSpace(user[0])
            ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", user[0]!)], SchemeName)), SchemeName))
            : AuthenticateResult.NoResult());
}

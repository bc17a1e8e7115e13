using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary><see cref="IAuthorizationChecker"/> over the started host's authorization service.</summary>
internal sealed class RuntimeAuthorizationChecker(ConfigResolverRuntime runtime) : IAuthorizationChecker
{
    public Decision Check(Principal principal, string organization, string action, string? resource = null, CheckContext? context = null)
    {
        var service = runtime.State.Authorization ?? throw new InvalidOperationException(
            "ConfigResolver has no policies: call AddAuthorization(p => p.FromDirectory(dir)) on the builder, or set ConfigResolver:Policies:Source.");
        return service.Check(principal, organization, action, resource, context);
    }
}

using System.Diagnostics;

namespace ConfigResolver.Authorization;

/// <summary>
/// The activities the authorization layer starts on the <c>ConfigResolver</c> source: <c>ConfigResolver.Check</c> for a
/// check the decision cache did not answer and <c>ConfigResolver.PolicyReload</c> for a policy reload. Without a listener
/// nothing is created (one field read on the check path).
/// </summary>
internal static class AuthorizationActivities
{
    public const string SourceName = "ConfigResolver";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartCheck(string organization, string action)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("ConfigResolver.Check");
        activity?.SetTag("configresolver.org", organization);
        activity?.SetTag("configresolver.action", action);
        return activity;
    }

    public static Activity? StartReload(string source)
    {
        var activity = Source.StartActivity("ConfigResolver.PolicyReload");
        activity?.SetTag("configresolver.policy_source", source);
        return activity;
    }
}

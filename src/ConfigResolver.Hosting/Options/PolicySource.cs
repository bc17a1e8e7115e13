namespace ConfigResolver.Hosting;

/// <summary>Where the authorization policies come from (<c>ConfigResolver:Policies:Source</c>).</summary>
public enum PolicySource
{
    /// <summary>No authorization: <see cref="IAuthorizationChecker"/> is not available.</summary>
    None,

    /// <summary>A policy directory (<c>ConfigResolver:Policies:Directory</c>), optionally watched for edits.</summary>
    Directory,

    /// <summary>
    /// The store's current policy revision (published with <c>cfgr policy push</c>); every instance switches to a new
    /// revision through the change feed and keeps serving its last good one when a revision does not compile.
    /// </summary>
    Store,
}

namespace ConfigResolver.Hosting;

/// <summary>Where the authorization policies come from (<c>ConfigResolver:Policies:Source</c>).</summary>
public enum PolicySource
{
    /// <summary>No authorization: <see cref="IAuthorizationChecker"/> is not available.</summary>
    None,

    /// <summary>A policy directory (<c>ConfigResolver:Policies:Directory</c>), optionally watched for edits.</summary>
    Directory,

    /// <summary>
    /// The store's current policy revision (<c>cfgr policy push</c>), switched to on every instance when a new one is
    /// published; a store without a revision fails the start (POL2040).
    /// </summary>
    Store,
}

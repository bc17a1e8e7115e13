namespace ConfigResolver.Hosting;

/// <summary>Where the authorization policies come from (<c>ConfigResolver:Policies:Source</c>).</summary>
public enum PolicySource
{
    /// <summary>No authorization: <see cref="IAuthorizationChecker"/> is not available.</summary>
    None,

    /// <summary>A policy directory (<c>ConfigResolver:Policies:Directory</c>), optionally watched for edits.</summary>
    Directory,
}

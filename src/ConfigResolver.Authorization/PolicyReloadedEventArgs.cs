namespace ConfigResolver.Authorization;

/// <summary>Raised after every reload attempt, successful or not.</summary>
/// <param name="result">The outcome.</param>
public sealed class PolicyReloadedEventArgs(PolicyReloadResult result) : EventArgs
{
    /// <summary>The outcome.</summary>
    public PolicyReloadResult Result { get; } = result;
}

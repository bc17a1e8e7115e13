namespace ConfigResolver.Hosting;

/// <summary>Chooses where <c>AddAuthorization</c> reads policies from.</summary>
public sealed class PolicySourceBuilder
{
    internal PolicySourceBuilder()
    {
    }

    internal Action<PolicySettings>? Apply { get; private set; }

    /// <summary>Reads the policies from a directory, reloading edits that compile and pass their tests when <paramref name="watch"/> is true.</summary>
    /// <param name="directory">The policy directory (<c>model.conf</c>, roles, rules, tests).</param>
    /// <param name="watch">Whether to watch the directory for edits.</param>
    /// <returns>This builder.</returns>
    public PolicySourceBuilder FromDirectory(string directory, bool watch = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Apply = p =>
        {
            p.Source = PolicySource.Directory;
            p.Directory = directory;
            p.Watch = watch;
        };
        return this;
    }

    /// <summary>Reads the policies from the store's current policy revision, following new revisions through the change feed.</summary>
    /// <returns>This builder.</returns>
    public PolicySourceBuilder FromStore()
    {
        Apply = static p => p.Source = PolicySource.Store;
        return this;
    }
}

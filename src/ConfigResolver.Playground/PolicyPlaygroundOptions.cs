using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Impact;

namespace ConfigResolver.Playground;

/// <summary>What the playground serves: the policy in force, the working copy it starts from, and who checks are asked as.</summary>
/// <remarks>Read on every request, so the delegates should return the current state (for example <c>() => service.Current</c>).</remarks>
public sealed class PolicyPlaygroundOptions
{
    /// <summary>The serving authorization snapshot: its policy is the "before" of an impact diff and its facts answer checks.</summary>
    public required Func<AuthorizationSnapshot> Serving { get; init; }

    /// <summary>
    /// Reads the files a working copy starts from (the serving policy's, so a page loaded after a reload starts from
    /// the new one): relative path (<c>roles.yaml</c>, <c>rules/x.yaml</c>) to text. Called on every page load.
    /// </summary>
    public required Func<CancellationToken, Task<IReadOnlyDictionary<string, string>>> InitialFiles { get; init; }

    /// <summary>
    /// The principals checks may be asked as and impact diffs compare (members by email, API keys by <c>apikey:&lt;id&gt;</c>);
    /// when null, the serving facts' members named by their ids.
    /// </summary>
    public Func<CancellationToken, Task<ImpactPopulation>>? Population { get; init; }

    /// <summary>The clock conditions read; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The largest request body accepted, in bytes (the working copy travels with every request); 1 MiB by default.</summary>
    public long MaxRequestBytes { get; init; } = 1 << 20;

    /// <summary>The most files a working copy may have; 200 by default.</summary>
    public int MaxFiles { get; init; } = 200;
}
